using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>A call of a one-argument builtin that forces its argument first (<c>toString</c>,
/// <c>length</c>, <c>isAttrs</c>…) evaluates the argument at once instead of through a thunk;
/// the value and the error, frames included, must be the ones the lazy way gives.</summary>
public sealed class StrictBuiltinArgumentTests
{
    [Fact]
    public void Only_one_argument_builtins_that_force_it_first_take_it_evaluated()
    {
        Assert.True(Evaluate.Builtin("toString").ForcesItsArgumentFirst);
        Assert.True(Evaluate.Builtin("isAttrs").ForcesItsArgumentFirst);
        Assert.True(Evaluate.Builtin("length").ForcesItsArgumentFirst);
        // tryEval must catch its argument's error itself; two-argument builtins keep their order.
        Assert.False(Evaluate.Builtin("tryEval").ForcesItsArgumentFirst);
        Assert.False(Evaluate.Builtin("seq").ForcesItsArgumentFirst);
        Assert.False(Evaluate.Builtin("trace").ForcesItsArgumentFirst);
    }

    [Fact]
    public void The_direct_call_and_the_lazy_call_give_the_same_values()
    {
        Assert.Equal("[ \"7\" true 3 \"set\" [ 2 ] ]", Evaluate.Value(
            "[ (toString (3 + 4)) (builtins.isAttrs { a = 1; }) (builtins.length [ 1 2 (throw \"lazy\") ]) (builtins.typeOf { }) (builtins.tail [ (throw \"lazy\") 2 ]) ]"));
        Assert.Equal(Evaluate.Value("map toString [ (3 + 4) ]"), Evaluate.Value("[ (toString (3 + 4)) ]"));
        Assert.Equal("{ success = false; value = false; }", Evaluate.Value("builtins.tryEval (throw \"caught\")"));
    }

    [Fact]
    public void An_error_in_the_argument_is_reported_inside_the_builtin_as_before()
    {
        var direct = Evaluate.ErrorWithAllFrames("builtins.tail (builtins.head [ ])");
        Assert.Contains("list index 0 is out of bounds", direct);
        Assert.Contains("while calling the 'head' builtin", direct);
        Assert.Contains("while calling the 'tail' builtin", direct);
        Assert.Contains("while calling the 'toString' builtin", Evaluate.ErrorWithAllFrames("toString (throw \"boom\")"));
        Assert.Contains("infinite recursion encountered", Evaluate.Error("let x = toString x; in x"));
    }

    [Fact]
    public void A_one_argument_builtin_called_without_an_array_gives_what_the_array_call_gives()
    {
        // Called in the code (the call node evaluates the argument under the builtin's handler) or by
        // another builtin (map, filter, genList: Interpreter.Apply), head/length/isAttrs… take their
        // argument without an array: both ways must agree, errors included.
        Assert.Equal("[ 1 [ 1 ] 2 [ 2 ] true [ true ] [ { } ] \"set\" [ \"set\" ] [ 2 ] [ [ 2 ] ] ]", Evaluate.Value(
            "[ (builtins.head [ 1 ]) (map builtins.head [ [ 1 ] ]) (builtins.length [ 1 2 ]) (map builtins.length [ [ 1 2 ] ]) (builtins.isAttrs { }) (map builtins.isAttrs [ { } ]) (builtins.filter builtins.isAttrs [ { } 1 ]) (builtins.typeOf { }) (map builtins.typeOf [ { } ]) (builtins.tail [ 1 2 ]) (map builtins.tail [ [ 1 2 ] ]) ]"));
        Assert.Contains("while calling the 'head' builtin", Evaluate.ErrorWithAllFrames("builtins.head [ ]"));
        Assert.Contains("while calling the 'head' builtin", Evaluate.ErrorWithAllFrames("builtins.head (map builtins.head [ [ ] ])"));
        Assert.Contains("while calling the 'length' builtin", Evaluate.ErrorWithAllFrames("builtins.head (map builtins.length [ 1 ])"));
        Assert.Contains("while calling the 'isAttrs' builtin", Evaluate.ErrorWithAllFrames("builtins.isAttrs (throw \"boom\")"));
        Assert.Contains("infinite recursion encountered", Evaluate.Error("let x = builtins.length x; in x"));
    }
}
