namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// What a <c>genList</c> element must keep however its thunk is laid out: it is lazy, computed from
/// its own index, and fails the same way twice.
/// </summary>
public sealed class GenListElementTests
{
    [Fact]
    public void Elements_are_computed_lazily_each_from_its_own_index()
    {
        Assert.Equal("3", Evaluate.Value("builtins.length (builtins.genList (i: throw \"no\") 3)"));
        Assert.Equal("[ 0 3 6 3000 ]", Evaluate.Value("let xs = builtins.genList (i: i * 3) 1001; in [ (builtins.head xs) (builtins.elemAt xs 1) (builtins.elemAt xs 2) (builtins.elemAt xs 1000) ]"));
    }

    [Fact]
    public void A_failed_element_fails_again_and_leaves_the_others_alone()
    {
        Assert.Equal("[ { success = false; value = false; } { success = false; value = false; } 2 ]",
            Evaluate.Value("let xs = builtins.genList (i: if i == 1 then throw \"no ${toString i}\" else i) 3; in [ (builtins.tryEval (builtins.elemAt xs 1)) (builtins.tryEval (builtins.elemAt xs 1)) (builtins.elemAt xs 2) ]"));
    }

    [Fact]
    public void Elements_computed_at_once_still_read_as_unevaluated()
    {
        // As Nix 2.8 prints them: `nix-instantiate --eval -E 'builtins.genList (x: x) 3'`.
        Assert.Equal("[ <CODE> <CODE> <CODE> ]", Evaluate.Lazy("builtins.genList (x: x) 3"));
        Assert.Equal("[ <CODE> <CODE> ]", Evaluate.Lazy("let k = 5; in builtins.genList (i: i * 2 + k) 2"));
        Assert.Equal("[ 0 1 2 ]", Evaluate.Value("builtins.genList (x: x) 3"));
        Assert.Equal("[ 7 9 11 ]", Evaluate.Value("let k = 7; in builtins.genList (i: i * 2 + k) 3"));
    }

    [Fact]
    public void Elements_that_could_fail_are_left_to_the_call()
    {
        // Overflow, division by zero and a variable not evaluated yet are not computed when the list is made.
        Assert.Equal("2", Evaluate.Value("builtins.length (builtins.genList (i: 9223372036854775807 + i) 2)"));
        Assert.Contains("integer overflow", Evaluate.Error("builtins.elemAt (builtins.genList (i: 9223372036854775807 + i) 2) 1"));
        Assert.Equal("9223372036854775807", Evaluate.Value("builtins.elemAt (builtins.genList (i: 9223372036854775807 + i) 2) 0"));
        Assert.Contains("division by zero", Evaluate.Error("builtins.elemAt (builtins.genList (i: 10 / i) 2) 0"));
        Assert.Equal("1", Evaluate.Value("let k = throw \"k\"; in builtins.length (builtins.genList (i: i + k) 1)"));
        Assert.Contains("k", Evaluate.Error("let k = throw \"k\"; in builtins.genList (i: i + k) 1"));
    }
}
