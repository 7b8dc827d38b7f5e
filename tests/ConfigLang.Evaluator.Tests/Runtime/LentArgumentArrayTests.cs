using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>Builtins that keep no reference to their argument array get it lent for the call and
/// given back cleared: a lent array must never be seen by anything that outlives the call, and calls
/// nested inside an argument must get arrays of their own.</summary>
public sealed class LentArgumentArrayTests
{
    [Fact]
    public void An_array_given_back_is_lent_again_cleared_and_nested_calls_get_their_own()
    {
        var arrays = new BuiltinArgumentArrays();
        var outer = arrays.Rent(2);
        var inner = arrays.Rent(2);
        Assert.NotSame(outer, inner);
        inner[0] = IntValue.Of(1);
        arrays.Return(inner);
        Assert.Null(inner[0]);
        Assert.Same(inner, arrays.Rent(2));
        Assert.NotSame(outer, arrays.Rent(2));
    }

    [Fact]
    public void Only_builtins_that_keep_no_argument_array_borrow_one()
    {
        Assert.True(Evaluate.Builtin("zipAttrsWith").ReleasesItsArguments);
        Assert.True(Evaluate.Builtin("elemAt").ReleasesItsArguments);
        Assert.True(Evaluate.Builtin("map").ReleasesItsArguments);
        Assert.True(Evaluate.Builtin("all").ReleasesItsArguments);
        Assert.True(Evaluate.Builtin("any").ReleasesItsArguments);
        // Builtins that were not read for it keep a fresh array per call.
        Assert.False(Evaluate.Builtin("mapAttrs").ReleasesItsArguments);
        Assert.False(Evaluate.Builtin("tryEval").ReleasesItsArguments);
    }

    [Fact]
    public void Lazy_results_and_partial_applications_keep_their_own_arguments()
    {
        // The lists of map are forced after later calls of the same arity borrowed the same array.
        Assert.Equal("[ 6 11 2 3 ]", Evaluate.Value(
            "let xs = map (x: x * 2) [ 1 2 3 ]; ys = map (x: x + 1) [ 10 20 ]; at = builtins.elemAt [ 1 2 3 ]; in [ (builtins.elemAt xs 2) (builtins.elemAt ys 0) (at 1) (at 2) ]"));
        // Nested in an argument: the inner call must not take the outer call's array.
        Assert.Equal("3", Evaluate.Value(
            "builtins.elemAt (builtins.elemAt [ [ 1 ] [ 2 3 ] ] (builtins.length [ 0 ])) (builtins.elemAt [ 0 1 ] 1)"));
        Assert.Equal("{ a = [ 3 4 ]; b = [ 4 ]; }", Evaluate.Value(
            "builtins.zipAttrsWith (n: vs: map (v: v + builtins.length vs) vs) [ { a = 1; b = 3; } { a = 2; } ]"));
        // A predicate of all/any that calls all/any again, on lists read after the outer call returned.
        Assert.Equal("[ true false true ]", Evaluate.Value(
            "let p = xs: builtins.all (x: builtins.any (y: y == x) xs) xs; r = [ (p [ 1 2 ]) (builtins.any (x: builtins.all builtins.isInt x) [ [ 1 \"a\" ] [ ] ]) ]; in [ (builtins.elemAt r 0) (builtins.all (x: x) [ true false ]) (builtins.elemAt r 1) ]"));
    }

    [Fact]
    public void A_builtin_that_fails_keeps_its_frame_and_later_calls_still_work()
    {
        var trace = Evaluate.ErrorWithAllFrames("builtins.elemAt [ 1 ] (builtins.length (builtins.head [ ]))");
        Assert.Contains("list index 0 is out of bounds", trace);
        Assert.Contains("while calling the 'length' builtin", trace);
        Assert.Contains("while calling the 'elemAt' builtin", trace);
        Assert.Equal("[ false 2 ]", Evaluate.Value(
            "[ (builtins.tryEval (builtins.elemAt [ 1 ] (throw \"x\"))).success (builtins.elemAt [ 1 2 ] 1) ]"));
    }
}
