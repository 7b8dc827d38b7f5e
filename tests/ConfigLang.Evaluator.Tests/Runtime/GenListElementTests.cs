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
}
