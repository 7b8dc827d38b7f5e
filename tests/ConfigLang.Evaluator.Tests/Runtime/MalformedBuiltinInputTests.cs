using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Builtins;
using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// Arguments no well-formed configuration has (found by trying builtins with extreme input): each
/// is a located error, never an "internal error" from the runtime underneath.
/// </summary>
public sealed class MalformedBuiltinInputTests
{
    private const string JsonNul = "(builtins.fromJSON \"\\\"\\\\u0000\\\"\")";

    /// <summary>A string holding NUL, which no program can make: a host's native builtin (<see cref="NulStringProvider"/>).</summary>
    private const string HostNul = "builtins.nulString";

    public static TheoryData<string> PathsHoldingNul(string nul) => new()
    {
        $"builtins.readFile (\"/etc/\" + {nul})",
        $"builtins.pathExists (/etc + (\"/\" + {nul}))",
        $"builtins.readDir (\"/etc/\" + {nul})",
        $"builtins.hashFile \"sha256\" (\"/etc/\" + {nul})",
        $"import (\"/etc/\" + {nul})",
        $"\"${{/etc + (\"/\" + {nul})}}\"",
    };

    /// <summary>fromJSON's <c>\u0000</c> was the one way a program could make a NUL; it is refused where it is parsed.</summary>
    [Theory]
    [MemberData(nameof(PathsHoldingNul), JsonNul)]
    public void A_program_cannot_make_a_path_holding_a_nul_byte(string expression)
    {
        var stderr = Evaluate.Error(expression);
        Assert.StartsWith("error: input string '\u2400' cannot be represented as Nix string because it contains null bytes", stderr);
        Assert.Contains("at «string»:1:", stderr);
    }

    /// <summary>A host's builtin still can; the file builtins refuse such a path at the call.</summary>
    [Theory]
    [MemberData(nameof(PathsHoldingNul), HostNul)]
    public void A_path_holding_a_nul_byte_from_the_host_is_a_located_error(string expression)
    {
        var options = new EvaluatorOptions
        {
            CurrentDirectory = Path.GetTempPath(),
            EnvironmentVariables = new Dictionary<string, string>(),
            BuiltinProviders = [new NulStringProvider()],
        };
        var stderr = Evaluate.Error(expression, options);
        Assert.StartsWith("error: path '/etc/\\0' contains a NUL byte", stderr);
        Assert.Contains("at «string»:1:", stderr);
    }

    [Fact]
    public void A_file_holding_a_nul_byte_cannot_be_read_into_a_string_as_in_nix()
    {
        // nix-instantiate --eval -E 'builtins.readFile /tmp/nulfile': "the contents of the file '/tmp/nulfile' cannot be represented as a Nix string".
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, "a\0b"u8.ToArray());
            var stderr = Evaluate.Error($"builtins.readFile \"{file}\"");
            Assert.StartsWith($"error: the contents of the file '{file}' cannot be represented as a Nix string", stderr);
            Assert.Contains("at «string»:1:1:", stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private sealed class NulStringProvider : IBuiltinProvider
    {
        public void Register(BuiltinRegistry registry) => registry.AddValue("nulString", StringValue.Of("\0"));
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
        Assert.StartsWith($"error: while parsing a TOML string: invalid escape '{shown}' (line 1)", stderr);
        Assert.Contains("at «string»:1:1:", stderr);
    }

    [Fact]
    public void The_largest_toml_escape_still_reads() =>
        Assert.Equal("{ a = \"\U0010FFFF\"; }", Evaluate.Value("builtins.fromTOML \"a = \\\"\\\\U0010FFFF\\\"\""));
}
