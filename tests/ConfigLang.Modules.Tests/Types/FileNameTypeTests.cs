using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Tests.Evaluation;
using ConfigLang.Modules.Types;

namespace ConfigLang.Modules.Tests.Types;

/// <summary>
/// <c>types.fileName</c> and <c>attrsWith { nameType; }</c>: a name that cannot be one visible
/// directory entry is refused at the attribute that writes it, saying why.
/// </summary>
public sealed class FileNameTypeTests : IDisposable
{
    private readonly ModuleEvaluation _evaluation = new();

    private const string Declarations = """
        { lib, ... }: {
          options.certs = lib.mkOption {
            type = lib.types.attrsWith { nameType = lib.types.fileName; elemType = lib.types.int; };
            default = { };
          };
          options.single = lib.mkOption { type = lib.types.fileName; default = "x"; };
        }
        """;

    public FileNameTypeTests() => _evaluation.Write("declare.nix", Declarations);

    public void Dispose() => _evaluation.Dispose();

    private static readonly string Bytes255 = new('a', 255);

    public static TheoryData<string, string> Refused() => new()
    {
        { "\"\"", "it is empty" },
        { "\".\"", "`.` names a directory itself or its parent" },
        { "\"..\"", "`..` names a directory itself or its parent" },
        { "\".hidden\"", "it starts with `.`" },
        { "\"../../../../etc/x\"", "it contains `/`" },
        { "\"/etc/x\"", "it contains `/`" },
        { "\"a/b\"", "it contains `/`" },
        { "${" + NulJoinBuiltin.Join("a", "b") + "}", "it contains a NUL character" },
        { $"\"{Bytes255}a\"", "it is 256 bytes long in UTF-8" },
        // 128 two-byte characters: 128 characters, but 256 bytes.
        { $"\"{new string('é', 128)}\"", "it is 256 bytes long in UTF-8" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_name_that_is_not_one_file_name_is_refused_at_its_attribute(string name, string why)
    {
        _evaluation.Write("host.nix", $"{{\n  certs = {{\n    {name} = 1;\n  }};\n}}\n");
        var result = _evaluation.Evaluate("config.certs", "declare.nix", "host.nix");
        Assert.False(result.Succeeded);
        Assert.Equal(ModuleDiagnostics.InvalidAttributeName, result.Error!.Code);
        Assert.Contains("in `certs' is not a file name (" + FileNameRule.Allowed + "): " + why, result.Stderr);
        var at = result.Error.Location!.Value;
        Assert.EndsWith("host.nix", at.Source.Path);
        Assert.Equal((3, 5), (at.Start.Line, at.Start.Column));
    }

    [Theory]
    [InlineData("example.org")]
    [InlineData("a..b")]
    [InlineData("wild_card-1")]
    [InlineData("xn--bcher-kva.example")]
    public void Names_that_are_one_file_name_are_kept(string name)
    {
        _evaluation.Write("host.nix", $"{{ certs.\"{name}\" = 1; }}");
        var result = _evaluation.Evaluate("config.certs", "declare.nix", "host.nix");
        Assert.True(result.Succeeded, result.Stderr);
        Assert.Equal($"{{\"{name}\":1}}", result.Stdout);
    }

    [Fact]
    public void The_longest_name_is_255_bytes_of_utf8()
    {
        Assert.Null(FileNameRule.Problem(Bytes255));
        Assert.Null(FileNameRule.Problem(new string('é', 127) + "a"));
        Assert.NotNull(FileNameRule.Problem(Bytes255 + "a"));
        _evaluation.Write("host.nix", $"{{ certs.\"{Bytes255}\" = 1; }}");
        Assert.True(_evaluation.Evaluate("config.certs", "declare.nix", "host.nix").Succeeded);
    }

    [Fact]
    public void The_name_shown_in_the_message_has_its_control_characters_escaped()
    {
        _evaluation.Write("host.nix", "{ certs.${" + NulJoinBuiltin.Join("a", "/b") + "} = 1; }");
        var result = _evaluation.Evaluate("config.certs", "declare.nix", "host.nix");
        Assert.Contains("The name \"a\\u0000/b\" in `certs'", result.Stderr);
        Assert.DoesNotContain('\0', result.Stderr);
    }

    [Fact]
    public void A_program_cannot_make_a_name_holding_nul_since_fromJSON_refuses_it_where_it_is_called()
    {
        _evaluation.Write("host.nix", "{\n  certs.${builtins.fromJSON \"\\\"a\\\\u0000b\\\"\"} = 1;\n}\n");
        var result = _evaluation.Evaluate("config.certs", "declare.nix", "host.nix");
        Assert.False(result.Succeeded);
        Assert.StartsWith("error: input string 'a\u2400b' cannot be represented as Nix string because it contains null bytes", result.Stderr);
        var at = result.Error!.Location!.Value;
        Assert.EndsWith("host.nix", at.Source.Path);
        Assert.Equal((2, 11), (at.Start.Line, at.Start.Column));
    }

    [Fact]
    public void As_an_option_type_it_checks_the_value()
    {
        _evaluation.Write("host.nix", "{ single = \"..\"; }");
        var result = _evaluation.Evaluate("config.single", "declare.nix", "host.nix");
        Assert.False(result.Succeeded);
        Assert.Equal(ModuleDiagnostics.WrongType, result.Error!.Code);
        Assert.Contains("is not of type `file name (", result.Stderr);
    }

    [Fact]
    public void A_name_whose_definitions_are_all_switched_off_is_not_checked()
    {
        _evaluation.Write("host.nix", "{ lib, ... }: { certs.\"../x\" = lib.mkIf false 1; certs.ok = 2; }");
        var result = _evaluation.Evaluate("config.certs", "declare.nix", "host.nix");
        Assert.True(result.Succeeded, result.Stderr);
        Assert.Equal("{\"ok\":2}", result.Stdout);
    }

    [Fact]
    public void Without_a_name_type_any_name_is_kept()
    {
        _evaluation.Write("plain.nix", "{ lib, ... }: { options.plain = lib.mkOption { type = lib.types.attrsOf lib.types.int; }; config.plain.\"../x\" = 1; }");
        var result = _evaluation.Evaluate("config.plain", "plain.nix");
        Assert.True(result.Succeeded, result.Stderr);
    }
}
