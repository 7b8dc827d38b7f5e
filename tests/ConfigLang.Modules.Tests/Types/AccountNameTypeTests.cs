using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Tests.Evaluation;
using ConfigLang.Modules.Types;

namespace ConfigLang.Modules.Tests.Types;

/// <summary>
/// <c>types.accountName</c> and <c>types.passwdEntry</c>: a value that would not stay one field
/// of one line of the account files is a type error at its definition, saying why.
/// </summary>
public sealed class AccountNameTypeTests : IDisposable
{
    private readonly ModuleEvaluation _evaluation = new();

    private const string Declarations = """
        { lib, ... }: {
          options.accounts = lib.mkOption {
            type = lib.types.attrsWith { nameType = lib.types.accountName; elemType = lib.types.int; };
            default = { };
          };
          options.name = lib.mkOption { type = lib.types.accountName; default = "x"; };
          options.gecos = lib.mkOption { type = lib.types.passwdEntry lib.types.str; default = ""; };
          options.home = lib.mkOption { type = lib.types.passwdEntry lib.types.path; default = "/var/empty"; };
        }
        """;

    public AccountNameTypeTests() => _evaluation.Write("declare.nix", Declarations);

    public void Dispose() => _evaluation.Dispose();

    /// <summary>"a\0b", from a host builtin (<see cref="NulJoinBuiltin"/>): no program can make it.</summary>
    private const string Nul = "${builtins.joinWithNul \"a\" \"b\"}";

    public static TheoryData<string, string> Refused() => new()
    {
        { "\"evil:x:0:\\nroot2\"", "it contains `:`" },
        { "\"root2\\n\"", "it contains a newline" },
        { "\"" + Nul + "\"", "it contains a NUL character" },
        { "\"a,b\"", "it contains `,`" },
        { "\"\"", "it is empty" },
        { "\"" + new string('a', 33) + "\"", "it is 33 characters long" },
        { "\"1abc\"", "does not start with a letter or `_`" },
        { "\"-rf\"", "does not start with a letter or `_`" },
        { "\"a b\"", "holds a character other than" },
        { "\"a$b\"", "holds a character other than" },
        { "\"bücher\"", "holds a character other than" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_value_that_is_no_account_name_is_a_type_error_at_its_definition(string value, string why)
    {
        _evaluation.Write("host.nix", $"{{\n  name = {value};\n}}\n");
        var result = _evaluation.Evaluate("config.name", "declare.nix", "host.nix");
        Assert.False(result.Succeeded);
        Assert.Equal(ModuleDiagnostics.WrongType, result.Error!.Code);
        Assert.Contains("is not of type `user or group name (" + AccountNameRule.Allowed + ")': " , result.Stderr);
        Assert.Contains(why, result.Stderr);
        Assert.EndsWith("host.nix", result.Error.Location!.Value.Source.Path);
        Assert.Equal(2, result.Error.Location.Value.Start.Line);
        Assert.DoesNotContain('\0', result.Stderr);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void An_attribute_name_that_is_no_account_name_is_refused_at_the_attribute(string value, string why)
    {
        _evaluation.Write("host.nix", $"{{\n  accounts = {{\n    {value} = 1;\n  }};\n}}\n");
        var result = _evaluation.Evaluate("config.accounts", "declare.nix", "host.nix");
        Assert.False(result.Succeeded);
        Assert.Equal(ModuleDiagnostics.InvalidAttributeName, result.Error!.Code);
        Assert.Contains("in `accounts' is not a user or group name (" + AccountNameRule.Allowed + "): ", result.Stderr);
        Assert.Contains(why, result.Stderr);
        Assert.Equal((3, 5), (result.Error.Location!.Value.Start.Line, result.Error.Location.Value.Start.Column));
    }

    [Theory]
    [InlineData("nginx")]
    [InlineData("acme")]
    [InlineData("_apt")]
    [InlineData("systemd-network")]
    [InlineData("John.Doe")]
    [InlineData("dovecot2")]
    [InlineData("HOST01$")]
    [InlineData("a2345678901234567890123456789012")]
    public void Usual_names_are_kept(string name)
    {
        _evaluation.Write("host.nix", $"{{ name = \"{name}\"; accounts.\"{name}\" = 1; }}");
        var result = _evaluation.Evaluate("config", "declare.nix", "host.nix");
        Assert.True(result.Succeeded, result.Stderr);
        Assert.Contains($"\"name\":\"{name}\"", result.Stdout);
    }

    [Theory]
    [InlineData("gecos", "\"Alice:0:0\"", "it contains `:`")]
    [InlineData("gecos", "\"Alice\\nroot2\"", "it contains a newline")]
    [InlineData("gecos", "\"" + Nul + "\"", "it contains a NUL character")]
    [InlineData("home", "\"/home/a:/bin/sh\"", "it contains `:`")]
    public void A_passwd_entry_holds_no_field_or_line_separator(string option, string value, string why)
    {
        _evaluation.Write("host.nix", $"{{\n  {option} = {value};\n}}\n");
        var result = _evaluation.Evaluate("config." + option, "declare.nix", "host.nix");
        Assert.False(result.Succeeded);
        Assert.Equal(ModuleDiagnostics.WrongType, result.Error!.Code);
        Assert.Contains(", not containing newlines or colons': " + why, result.Stderr);
        Assert.Equal(2, result.Error.Location!.Value.Start.Line);
    }

    [Fact]
    public void A_passwd_entry_still_checks_its_own_type()
    {
        // nixpkgs' passwdEntry is an addCheck on its argument: a relative home is no path.
        _evaluation.Write("host.nix", "{ home = \"relative\"; gecos = \"Alice Q. User, room 1\"; }");
        var home = _evaluation.Evaluate("config.home", "declare.nix", "host.nix");
        Assert.False(home.Succeeded);
        Assert.Contains("is not of type `absolute path, not containing newlines or colons'", home.Stderr);
        Assert.True(_evaluation.Evaluate("config.gecos", "declare.nix", "host.nix").Succeeded);
    }

    // nixpkgs' own expectations (lib/tests/modules/types.nix), which the conformance run does not reach yet.
    [Theory]
    [InlineData("str", "string, not containing newlines or colons")]
    [InlineData("(either int str)", "(signed integer or string), not containing newlines or colons")]
    [InlineData("(nullOr str)", "(null or string), not containing newlines or colons")]
    [InlineData("(listOf str)", "(list of string), not containing newlines or colons")]
    [InlineData("ints.positive", "(positive integer, meaning >0), not containing newlines or colons")]
    public void A_passwd_entry_describes_itself_as_nixpkgs_does(string inner, string description)
    {
        _evaluation.Write("described.nix", $"{{ lib, ... }}: {{ options.described = lib.mkOption {{ type = with lib.types; passwdEntry {inner}; }}; }}");
        var result = _evaluation.Evaluate("options.described.type.description", "described.nix");
        Assert.True(result.Succeeded, result.Stderr);
        Assert.Equal($"\"{description}\"", result.Stdout.Trim());
    }
}
