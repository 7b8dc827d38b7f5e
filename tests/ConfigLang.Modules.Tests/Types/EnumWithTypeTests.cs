using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Tests.Evaluation;

namespace ConfigLang.Modules.Tests.Types;

/// <summary>
/// <c>types.enumWith { values; listedBy; }</c> (ConfigLang extension): an enum whose refusal of a
/// string offers the nearest accepted value (only a near miss) and says where the values are
/// listed; plain <c>types.enum</c> keeps NixOS's message.
/// </summary>
public sealed class EnumWithTypeTests : IDisposable
{
    private readonly ModuleEvaluation _evaluation = new();

    private const string Declarations = """
        { lib, ... }: {
          options.provider = lib.mkOption {
            type = lib.types.nullOr (lib.types.enumWith { values = [ "cloudflare" "exec" "rfc2136" ]; listedBy = "configlang options provider"; });
            default = null;
          };
          options.plain = lib.mkOption { type = lib.types.enum [ "cloudflare" "exec" ]; default = "exec"; };
        }
        """;

    public EnumWithTypeTests() => _evaluation.Write("declare.nix", Declarations);

    public void Dispose() => _evaluation.Dispose();

    private ConfigLang.Evaluator.EvaluationResult Evaluate(string option, string value)
    {
        _evaluation.Write("host.nix", $"{{\n  {option} = {value};\n}}\n");
        return _evaluation.Evaluate("config." + option, "declare.nix", "host.nix");
    }

    [Theory]
    [InlineData("\"cloudflare\"", "\"cloudflare\"")]
    [InlineData("\"rfc2136\"", "\"rfc2136\"")]
    [InlineData("null", "null")]
    public void Listed_values_and_null_are_accepted(string value, string json)
    {
        var result = Evaluate("provider", value);
        Assert.True(result.Succeeded, result.Stderr);
        Assert.Equal(json, result.Stdout.Trim());
    }

    [Theory]
    [InlineData("\"cloudfare\"", "cloudflare")]
    [InlineData("\"Cloudflare\"", "cloudflare")]
    [InlineData("\"rfc-2136\"", "rfc2136")]
    public void A_near_miss_is_refused_at_its_definition_with_the_nearest_value(string value, string nearest)
    {
        var result = Evaluate("provider", value);
        Assert.False(result.Succeeded);
        Assert.Equal(ModuleDiagnostics.WrongType, result.Error!.Code);
        Assert.Contains(
            $"is not of type `null or one of \"cloudflare\", \"exec\", \"rfc2136\"': {value} is not one of them (did you mean \"{nearest}\"?); `configlang options provider' lists them.",
            result.Stderr);
        Assert.EndsWith("host.nix", result.Error.Location!.Value.Source.Path);
        Assert.Equal((2, 3), (result.Error.Location.Value.Start.Line, result.Error.Location.Value.Start.Column));
    }

    [Fact]
    public void A_far_value_gets_no_suggestion_but_the_listing()
    {
        var result = Evaluate("provider", "\"hetzner\"");
        Assert.False(result.Succeeded);
        Assert.Contains(": \"hetzner\" is not one of them; `configlang options provider' lists them.", result.Stderr);
        Assert.DoesNotContain("did you mean", result.Stderr);
    }

    [Fact]
    public void A_value_that_is_no_string_gets_the_listing()
    {
        var result = Evaluate("provider", "42");
        Assert.False(result.Succeeded);
        Assert.Equal(ModuleDiagnostics.WrongType, result.Error!.Code);
        Assert.Contains("': `configlang options provider' lists the accepted values.", result.Stderr);
    }

    [Fact]
    public void Plain_enum_keeps_the_message_of_NixOS()
    {
        var result = Evaluate("plain", "\"cloudfare\"");
        Assert.False(result.Succeeded);
        Assert.Contains("is not of type `one of \"cloudflare\", \"exec\"'. Definition values:", result.Stderr);
    }
}
