namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// <c>"…${toString n}…"</c> with the builtin <c>toString</c> and an integer formats the number
/// straight into the result (no string and string value per number). Values, the choice between
/// addition and concatenation, shadowing and errors must stay what the call gives.
/// </summary>
public sealed class InterpolatedIntegerTests
{
    [Fact]
    public void Integers_read_as_toString_writes_them()
    {
        Assert.Equal("[ \"a0b\" \"-7\" \"x9223372036854775807y\" \"-9223372036854775808\" \"1234567890 10 100\" ]", Evaluate.Value(
            "let n = 9223372036854775807; in [ \"a${toString 0}b\" \"${toString (3 - 10)}\" \"x${toString n}y\" \"${toString (-n - 1)}\" " +
            "\"${toString 1234567890} ${toString 10} ${toString 100}\" ]"));
        Assert.Equal(Evaluate.Value("map (i: \"server${builtins.toString i}.org:${builtins.toString (8000 + i)}\") [ 1 99 1000 ]"),
            Evaluate.Value("map (i: \"server${toString i}.org:${toString (8000 + i)}\") [ 1 99 1000 ]"));
    }

    [Fact]
    public void Parts_that_are_not_integers_go_through_the_builtin()
    {
        Assert.Equal("\"1.500000|1||a b|/x|s|o\"", Evaluate.Value(
            "\"${toString 1.5}|${toString true}|${toString null}|${toString [ \"a\" \"b\" ]}|${toString /x}|${toString { __toString = _: \"s\"; }}|${toString { outPath = \"o\"; }}\""));
        Assert.Equal("true", Evaluate.Value(
            "let d = derivation { name = \"x\"; system = \"s\"; builder = \"/b\"; }; in builtins.hasContext \"${toString 1}${toString d}\""));
    }

    [Fact]
    public void A_toString_first_concatenates_rather_than_adds()
    {
        Assert.Equal("[ \"12\" \"1a\" /a5 ]", Evaluate.Value("[ (toString 1 + toString 2) (toString 1 + \"a\") (/a + toString 5) ]"));
        Assert.Contains("cannot coerce an integer to a string", Evaluate.Error("toString 1 + 2"));
    }

    [Fact]
    public void A_toString_of_its_own_is_called_as_written()
    {
        Assert.Equal("\"<1><2>\"", Evaluate.Value("let toString = n: \"<${builtins.toString n}>\"; in \"${toString 1}${toString 2}\""));
        Assert.Equal("\"x-3\"", Evaluate.Value("let builtins = { toString = n: \"x\"; }; in \"${builtins.toString 1}-${toString 3}\""));
    }

    [Fact]
    public void An_error_in_the_argument_keeps_the_builtin_frame()
    {
        var trace = Evaluate.ErrorWithAllFrames("\"a${toString (throw \"boom\")}\"");
        Assert.Contains("boom", trace);
        Assert.Contains("while calling the 'toString' builtin", trace);
        Assert.Contains("cannot coerce a function to a string", Evaluate.Error("\"a${toString (x: x)}\""));
        Assert.Contains("infinite recursion encountered", Evaluate.Error("let s = \"${toString s}\"; in s"));
    }

    [Theory]
    [InlineData("x * 2")]
    [InlineData("n - 1 + 1")]
    [InlineData("n + 1")]
    [InlineData("7 / 2 - 10 * 3")]
    [InlineData("1 + 0.5")]
    [InlineData("\"a\" + \"b\"")]
    [InlineData("1 / z")]
    [InlineData("z - f")]
    [InlineData("a * 2")]
    [InlineData("z - t")]
    [InlineData("n * n")]
    public void Arithmetic_in_the_argument_gives_what_the_call_gives(string argument)
    {
        // Computed without an integer value per step; a float, a string, an overflow, a division
        // by zero or an error must come out as they do from the call outside an interpolation.
        const string Scope = "let n = 9223372036854775807; x = 1.5; z = 0; f = throw \"boom\"; t = builtins.trace \"t\" 3; in with { a = 4; }; ";
        var direct = Evaluate.Run(Scope + $"toString ({argument})", showTrace: true);
        var interpolated = Evaluate.Run(Scope + $"\"${{toString ({argument})}}\"", showTrace: true);
        Assert.Equal(direct.Succeeded, interpolated.Succeeded);
        Assert.Equal(direct.Stdout, interpolated.Stdout);
        Assert.Equal(direct.Stderr.Split('\n')[0], interpolated.Stderr.Split('\n')[0]);
        Assert.Equal(Frames(direct.Stderr), Frames(interpolated.Stderr));
    }

    /// <summary>The trace's frames without their positions (the interpolation moves them three columns).</summary>
    private static string[] Frames(string trace) =>
        [.. trace.Split('\n').Where(line => line.Contains("while ") || line.Contains(" at «string»")).Select(line => line.Split(':')[0])];

    [Fact]
    public void A_variable_forced_before_the_ordinary_way_takes_over_runs_once()
    {
        var result = Evaluate.Run("let x = builtins.trace \"t\" 1.5; in \"${toString (x * 2)}\"");
        Assert.Equal("\"3.000000\"\n", result.Stdout);
        Assert.Equal(1, result.Stderr.Split("trace: t").Length - 1);
    }

    [Fact]
    public void An_interpolated_integer_makes_no_string_of_its_own()
    {
        // Against the same lines with a literal in place of the number: a string, its value and the
        // builtin's argument array were about a hundred bytes per number.
        // (Both behind an `if` on the index, so genList calls the function for each: a constant body
        // would be computed when the list is made, without a call.)
        var perLine = BytesPerLine("if i < 0 then \"\" else \"a${toString (i * 0 + 5)}b\"")
            - BytesPerLine("if i < 0 then \"\" else \"a${\"5\"}b\"");
        Assert.True(perLine < 16, $"{perLine} bytes more per line");
    }

    private static double BytesPerLine(string line) =>
        Evaluate.BytesPerElement($"n: builtins.stringLength (builtins.concatStringsSep \"\" (builtins.genList (i: {line}) n))");
}
