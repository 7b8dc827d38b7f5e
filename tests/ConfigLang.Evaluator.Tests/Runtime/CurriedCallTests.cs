namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>A curried lambda given two arguments at once (<c>f a b</c>, <c>foldl'</c>, <c>mapAttrs</c>,
/// <c>sort</c>) is entered without the closure in between; what it sees and reports must not change.</summary>
public sealed class CurriedCallTests
{
    [Fact]
    public void Both_arguments_and_the_closures_scope_are_seen()
    {
        Assert.Equal("[ 7 10 ]", Evaluate.Value(
            "let k = 1; f = a: b: a * 2 + b + k; in [ (f 2 2) (f 3 3) ]"));
        Assert.Equal("21", Evaluate.Value("let f = a: b: c: a + b * c; in f 1 4 5"));
        Assert.Equal("106", Evaluate.Value("builtins.foldl' (acc: x: acc + x) 1 [ 5 100 ]"));
        Assert.Equal("{ a = \"a1\"; b = \"b2\"; }", Evaluate.Value(
            "builtins.mapAttrs (n: v: n + toString v) { a = 1; b = 2; }"));
        Assert.Equal("[ 3 2 1 ]", Evaluate.Value("builtins.sort (a: b: a > b) [ 1 3 2 ]"));
        Assert.Equal("5", Evaluate.Value("let f = a: { x, y ? 1 }: a + x + y; in f 1 { x = 3; }"));
        Assert.Equal("4", Evaluate.Value("let f = a: let g = b: a + b; in g; in f 1 3"));
    }

    [Fact]
    public void The_inner_functions_errors_are_reported_as_before()
    {
        var missing = Evaluate.Error("let f = a: { x }: a + x; in f 1 { }");
        Assert.Contains("called without required argument 'x'", missing);
        var options = new ConfigLang.Evaluator.Runtime.EvaluatorOptions { CurrentDirectory = Path.GetTempPath(), EnvironmentVariables = new Dictionary<string, string>() };
        var thrown = new ConfigEvaluator(options).Evaluate(new EvaluationRequest
        {
            Expression = "let f = a: b: throw \"no ${a}${b}\"; in f \"x\" \"y\"", Strict = true, ShowTrace = true,
        });
        Assert.Contains("no xy", thrown.Stderr);
        Assert.Contains("… while evaluating anonymous lambda\n\n       at «string»:1:12:", thrown.Stderr);
        Assert.DoesNotContain("«string»:1:9", thrown.Stderr);
    }
}
