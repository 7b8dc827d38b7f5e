using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// Hostile values (issue 13): lists no memory can hold, values nested 50,000 deep, runaway
/// recursion. Each either evaluates or is a located error; never an "internal error" or a crash.
/// </summary>
public sealed class EvaluationLimitsTests
{
    private const string DeepAttrs = "(let f = n: if n == 0 then null else { a = f (n - 1); }; in f 50000)";
    private const string DeepList = "(let f = n: if n == 0 then null else [ (f (n - 1)) ]; in f 50000)";

    // 20,000 levels of two-space indentation would print gigabytes before the XML depth check;
    // a lower call depth shows the check itself (the CLI tests show the bound on output).
    private static readonly EvaluatorOptions ShallowCalls = new()
    {
        CurrentDirectory = Path.GetTempPath(),
        EnvironmentVariables = new Dictionary<string, string>(),
        MaxCallDepth = 1000,
    };

    // Below the values' 50,000 levels, so printing them reaches the check; the default prints
    // them in full, as Nix 2.8 does.
    private static readonly EvaluatorOptions CallsShallowerThanTheValues = ShallowCalls with { MaxCallDepth = 20000 };

    public static TheoryData<string> DeepValues => new() { DeepAttrs, DeepList };

    [Fact]
    public void A_list_longer_than_any_array_is_a_located_memory_error_at_the_call()
    {
        var stderr = Evaluate.Error("builtins.genList (x: x) 9223372036854775807");
        Assert.StartsWith("error: evaluation exceeded the memory limit", stderr);
        Assert.Contains("a list of 9223372036854775807 elements", stderr);
        Assert.Contains("at «string»:1:1:", stderr);
        Assert.DoesNotContain("internal error", stderr);
    }

    [Theory]
    [InlineData("(-1)")]
    [InlineData("(-9223372036854775807 - 1)")]
    public void A_negative_list_length_is_a_located_error_as_in_nix(string count)
    {
        // nix-instantiate --eval --strict -E 'builtins.genList (x: x) (-1)': "error: cannot create list of size -1" at 1:1.
        var stderr = Evaluate.Error($"builtins.genList (x: x) {count}");
        Assert.StartsWith("error: cannot create list of size -", stderr);
        Assert.Contains("at «string»:1:1:", stderr);
    }

    [Theory]
    [MemberData(nameof(DeepValues))]
    public void A_deep_value_prints_in_full(string value)
    {
        var printed = Evaluate.Value(value);
        Assert.EndsWith("null" + (value == DeepAttrs ? string.Concat(Enumerable.Repeat("; }", 50000)) : string.Concat(Enumerable.Repeat(" ]", 50000))), printed);
    }

    [Theory]
    [MemberData(nameof(DeepValues))]
    public void A_deep_value_as_json_prints_in_full_as_in_nix(string value)
    {
        var result = Evaluate.Run(value, output: EvaluationOutput.Json);
        Assert.True(result.Succeeded, result.Stderr);
        Assert.EndsWith("null" + new string(value == DeepAttrs ? '}' : ']', 50000), result.Stdout);
    }

    [Theory]
    [MemberData(nameof(DeepValues))]
    public void A_value_deeper_than_the_call_depth_as_json_is_a_located_stack_overflow(string value)
    {
        var result = Evaluate.Run(value, CallsShallowerThanTheValues, EvaluationOutput.Json);
        AssertLocatedStackOverflow(result.Stderr, result.Succeeded, "at «string»:1:1:");
    }

    [Theory]
    [MemberData(nameof(DeepValues))]
    public void A_deep_value_as_xml_is_a_located_stack_overflow(string value)
    {
        var result = Evaluate.Run(value, ShallowCalls, EvaluationOutput.Xml);
        AssertLocatedStackOverflow(result.Stderr, result.Succeeded, "at «string»:1:1:");
    }

    [Theory]
    [MemberData(nameof(DeepValues))]
    public void ToJSON_of_a_deep_value_is_a_located_stack_overflow(string value)
    {
        var result = Evaluate.Run($"builtins.toJSON {value}", CallsShallowerThanTheValues);
        AssertLocatedStackOverflow(result.Stderr, result.Succeeded, "at «string»:1:1:");
    }

    [Theory]
    [MemberData(nameof(DeepValues))]
    public void ToXML_of_a_deep_value_is_a_located_stack_overflow(string value)
    {
        var result = Evaluate.Run($"builtins.toXML {value}", ShallowCalls);
        AssertLocatedStackOverflow(result.Stderr, result.Succeeded, "at «string»:1:1:");
    }

    [Theory]
    [MemberData(nameof(DeepValues))]
    public void DeepSeq_equality_and_comparison_walk_a_deep_value(string value)
    {
        Assert.Equal("1", Evaluate.Value($"builtins.deepSeq {value} 1"));
        Assert.Equal("true", Evaluate.Value($"{value} == {value}"));
        Assert.Equal("false", Evaluate.Value($"{value} != {value}"));
    }

    [Fact]
    public void Comparing_deep_lists_walks_them() =>
        Assert.Equal("false", Evaluate.Value($"{DeepList} < {DeepList}"));

    [Theory]
    [InlineData("let f = x: f x + 1; in f 1", "at «string»:1:12:")]
    [InlineData("let f = x: f x; in f 1", "at «string»:1:12:")]
    // Coercions that call themselves in tail position (they looped forever; Nix reports a stack overflow).
    [InlineData("builtins.toString { __toString = self: self; }", "at «string»:1:1:")]
    [InlineData("let s = { outPath = s; }; in \"${s}\"", "at «string»:1:33:")]
    [InlineData("let s = { __functor = self: self; }; in s 1", "at «string»:1:41:")]
    [InlineData("let s = { __functor = self: s; }; in s 1", "at «string»:1:38:")]
    public void Runaway_recursion_is_a_located_stack_overflow(string expression, string location)
    {
        var result = Evaluate.Run(expression);
        AssertLocatedStackOverflow(result.Stderr, result.Succeeded, location);
    }

    [Fact]
    public void A_stack_overflow_through_thousands_of_thunks_and_builtins_is_reported_at_once()
    {
        // Each level forces a thunk inside a builtin call; the error used to be caught and rethrown
        // at every level, 50 s in all.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = Evaluate.Run("let f = n: if n == 0 then 0 else builtins.seq n (f (n - 1)); in f 1000000", CallsShallowerThanTheValues);
        AssertLocatedStackOverflow(result.Stderr, result.Succeeded, "at «string»:1:50:");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }

    private static void AssertLocatedStackOverflow(string stderr, bool succeeded, string location)
    {
        Assert.False(succeeded);
        Assert.StartsWith("error: stack overflow (possible infinite recursion)", stderr);
        Assert.Contains(location, stderr);
    }
}
