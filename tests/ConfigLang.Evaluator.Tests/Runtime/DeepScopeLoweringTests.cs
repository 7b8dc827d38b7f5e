namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// Lowering looks each variable up through its enclosing scopes; the answer is remembered per
/// scope, so 950 nested scopes around 100,000 uses of a variable bound outside them cost one
/// search, not 100,000 (issue 13: 6 s for 1 MB of this shape).
/// </summary>
public sealed class DeepScopeLoweringTests
{
    private static string Repeat(string unit, int count) => string.Concat(Enumerable.Repeat(unit, count));

    [Fact]
    public void A_variable_used_many_times_under_deep_scopes_resolves_to_its_binding()
    {
        var program = "let x = 2; in " + Repeat("let a = 1; in ", 950) + "builtins.foldl' (s: v: s + v) 0 [" + Repeat(" x", 100_000) + " a ]";

        Assert.Equal("200001", Evaluate.Value(program));
    }

    [Fact]
    public void Remembered_lookups_keep_inner_bindings_with_scopes_and_undefined_names_apart()
    {
        // The same names looked up from different scopes, and a name only a 'with' can provide.
        var program = "let x = 1; in [ x (let x = 2; in [ x x ]) x (with { y = 3; }; [ y x ]) ]";
        Assert.Equal("[ 1 [ 2 2 ] 1 [ 3 1 ] ]", Evaluate.Value(program));

        Assert.Contains("undefined variable 'z'", Evaluate.Error("let x = 1; in [ x x z ]"));
    }
}
