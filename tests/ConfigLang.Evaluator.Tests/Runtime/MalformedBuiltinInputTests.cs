namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// Arguments no well-formed configuration has (found by trying builtins with extreme input): each
/// is a located error, never an "internal error" from the runtime underneath.
/// </summary>
public sealed class MalformedBuiltinInputTests
{
    private const string Nul = "(builtins.fromJSON \"\\\"\\\\u0000\\\"\")";

    [Theory]
    [InlineData($"builtins.readFile (\"/etc/\" + {Nul})")]
    [InlineData($"builtins.pathExists (/etc + (\"/\" + {Nul}))")]
    [InlineData($"builtins.readDir (\"/etc/\" + {Nul})")]
    [InlineData($"builtins.hashFile \"sha256\" (\"/etc/\" + {Nul})")]
    [InlineData($"import (\"/etc/\" + {Nul})")]
    [InlineData($"\"${{/etc + (\"/\" + {Nul})}}\"")]
    public void A_path_holding_a_nul_byte_is_a_located_error(string expression)
    {
        var stderr = Evaluate.Error(expression);
        Assert.StartsWith("error: path '/etc/\\0' contains a NUL byte", stderr);
        Assert.Contains("at «string»:1:", stderr);
    }

    [Theory]
    [InlineData("\\\\UFFFFFFFF", "\\UFFFFFFFF")]
    [InlineData("\\\\U00110000", "\\U00110000")]
    [InlineData("\\\\uD800", "\\uD800")]
    [InlineData("\\\\uzzzz", "\\uzzzz")]
    [InlineData("\\\\u12", "\\u12\"")]
    public void A_toml_escape_that_is_no_unicode_scalar_is_a_parse_error(string escape, string shown)
    {
        var stderr = Evaluate.Error($"builtins.fromTOML \"a = \\\"{escape}\\\"\"");
        Assert.StartsWith($"error: while parsing TOML: invalid escape '{shown}' (line 1)", stderr);
        Assert.Contains("at «string»:1:1:", stderr);
    }

    [Fact]
    public void The_largest_toml_escape_still_reads() =>
        Assert.Equal("{ a = \"\U0010FFFF\"; }", Evaluate.Value("builtins.fromTOML \"a = \\\"\\\\U0010FFFF\\\"\""));
}
