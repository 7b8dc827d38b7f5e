using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Tests.Evaluation;

namespace ConfigLang.Modules.Tests.Types;

/// <summary>
/// <c>types.strMatching</c> is nixpkgs' <c>builtins.match pattern value != null</c>: its pattern
/// is POSIX ERE, so character classes inside brackets (<c>[^[:space:]]</c>) mean what they mean
/// to <c>match</c>, not to .NET (where <c>[:space:]</c> in a bracket is a set of letters).
/// </summary>
public sealed class StrMatchingTypeTests : IDisposable
{
    private readonly ModuleEvaluation _evaluation = new();

    public StrMatchingTypeTests() => _evaluation.Write("declare.nix", """
        { lib, ... }: {
          options.word = lib.mkOption { type = lib.types.strMatching "/[^[:space:]]*"; };
        }
        """);

    public void Dispose() => _evaluation.Dispose();

    [Theory]
    [InlineData("/configlang/acme")]
    [InlineData("/")]
    public void A_value_the_posix_pattern_matches_is_kept(string value)
    {
        _evaluation.Write("host.nix", $"{{ word = \"{value}\"; }}");
        var result = _evaluation.Evaluate("config.word", "declare.nix", "host.nix");
        Assert.True(result.Succeeded, result.Stderr);
        Assert.Equal($"\"{value}\"", result.Stdout);
    }

    [Theory]
    [InlineData("/a b")]
    [InlineData("/a\\tb")]
    [InlineData("relative")]
    public void A_value_it_does_not_match_is_a_type_error_at_the_definition(string value)
    {
        _evaluation.Write("host.nix", $"{{\n  word = \"{value}\";\n}}\n");
        var result = _evaluation.Evaluate("config.word", "declare.nix", "host.nix");
        Assert.False(result.Succeeded);
        Assert.Equal(ModuleDiagnostics.WrongType, result.Error!.Code);
        Assert.Equal(2, result.Error.Location!.Value.Start.Line);
    }
}
