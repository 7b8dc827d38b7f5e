using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// A function whose body cannot keep its frame (no closure, no thunk over it) reuses the frame of a
/// call that returned for its next call. A frame kept by anything after its call, or shared by two
/// calls running at once, would show one call's arguments in another's values.
/// </summary>
public sealed class FrameReuseTests
{
    [Fact]
    public void A_thunk_over_the_frame_keeps_its_own_call()
    {
        // `x * 10` is delayed over f's frame (x is not evaluated yet), so f must not reuse it.
        Assert.Equal("[ 10 20 ]", Evaluate.Value("let g = y: [ y ]; f = x: g (x * 10); in (f (1 + 0)) ++ (f (2 + 0))"));
        Assert.Equal("[ 1 2 ]", Evaluate.Value("let f = x: [ x ]; in (f (1 + 0)) ++ (f (2 + 0))"));
        Assert.Equal("[ 1 2 ]", Evaluate.Value("let f = x: { v = x; }; in [ (f 1).v (f 2).v ]"));
        Assert.Equal("[ 3 4 ]", Evaluate.Value("let f = x: let y = x + 2; in y; a = f (1 + 0); b = f (2 + 0); in [ a b ]"));
        Assert.Equal("[ 1 2 ]", Evaluate.Value("let f = { x, y ? x }: y; in [ (f { x = 1; }) (f { x = 2; }) ]"));
        Assert.Equal("[ 1 2 ]", Evaluate.Value("let f = x: with { }; x; in [ (f 1) (f 2) ]"));
        // A builtin given part of its arguments keeps them, delayed over f's frame.
        Assert.Equal("[ 10 20 ]", Evaluate.Value("let f = x: builtins.add (x * 10); g1 = f (1 + 0); g2 = f (2 + 0); in [ (g1 0) (g2 0) ]"));
        // A builtin forcing its only argument evaluates it at once: nothing is delayed.
        Assert.Equal("[ \"10\" \"20\" ]", Evaluate.Value("let f = x: toString (x * 10); in [ (f (1 + 0)) (f (2 + 0)) ]"));
    }

    [Fact]
    public void A_closure_made_in_the_body_keeps_its_own_call()
    {
        Assert.Equal("[ 1 2 11 12 ]", Evaluate.Value(
            "let f = x: y: x + y; g1 = f 1; g2 = f 2; h1 = f 11; in [ (g1 0) (g2 0) (h1 0) (g1 11) ]"));
        Assert.Equal("[ 5 7 ]", Evaluate.Value("let f = a: b: c: a + b + c; p = f 1 1; in [ (p 3) (p 5) ]"));
    }

    [Fact]
    public void Calls_running_at_once_each_have_their_own_frame()
    {
        // The argument is forced inside the body and calls f again: recursion and re-entry.
        Assert.Equal("4", Evaluate.Value("let f = x: x + 1; in f (f (f 1))"));
        Assert.Equal("75025", Evaluate.Value("let fib = n: if n < 2 then n else fib (n - 1) + fib (n - 2); in fib 25"));
        Assert.Equal("[ 7 3 ]", Evaluate.Value("let f = a: b: a * 2 + b; in [ (f (f 1 1) (f 0 1)) (f 1 1) ]"));
        Assert.Equal("120", Evaluate.Value("builtins.foldl' (acc: x: acc * x) 1 (builtins.genList (x: builtins.foldl' (a: b: a + b) 1 [ x ]) 5)"));
    }

    [Fact]
    public void A_call_that_fails_leaves_the_next_calls_right()
    {
        Assert.Equal("[ false 6 8 false 10 ]", Evaluate.Value(
            "let f = x: if x == 0 then throw \"zero\" else x * 2; in [ (builtins.tryEval (f 0)).success (f 3) (f 4) (builtins.tryEval (f 0)).success (f 5) ]"));
        Assert.Equal("[ false 3 ]", Evaluate.Value(
            "let f = x: y: assert x > 0; x + y; in [ (builtins.tryEval (f 0 1)).success (f 1 2) ]"));
        Assert.Contains("while evaluating 'f'", Evaluate.ErrorWithTrace("let f = x: x + \"a\"; in f 1"));
    }

    [Fact]
    public void A_fold_allocates_no_frame_and_no_intermediate_integer_per_element()
    {
        // Per element: the genList element (a computed thunk and its index), its list slot and the
        // new accumulator; no frame of `acc: x:`, no `x * 2`, no call of `x: x`. It was about 190 bytes.
        var perElement = Evaluate.BytesPerElement("n: builtins.foldl' (acc: x: acc + x * 2) 0 (builtins.genList (x: x) n)");
        Assert.True(perElement <= 96, $"{perElement} bytes per element");
    }

    [Fact]
    public void A_plain_function_call_reuses_its_frame()
    {
        // Per element: the element (its index, value and thunk), its slot, `x - 1` and the accumulator;
        // no frame for `acc: x:` (40 bytes) nor for `f` (32).
        var perElement = Evaluate.BytesPerElement("n: let f = x: x - 1; in builtins.foldl' (acc: x: acc + f x) 0 (builtins.genList (x: x + 5000) n)");
        Assert.True(perElement <= 144, $"{perElement} bytes per element");
    }

    [Fact]
    public void A_function_calling_builtins_by_their_attribute_reuses_its_frame()
    {
        // `builtins.isInt` is the builtin itself, fixed when lowering, not a selection the body makes
        // per call: the frame of f is reused, as in the test above (a frame more was 176 bytes).
        var perElement = Evaluate.BytesPerElement(
            "n: let f = x: if builtins.isInt x then x - 1 else 0; in builtins.foldl' (acc: x: acc + f x) 0 (builtins.genList (x: x + 5000) n)");
        Assert.True(perElement <= 144, $"{perElement} bytes per element");
    }

    [Fact]
    public void A_known_argument_goes_evaluated_only_to_a_function_forcing_it_first()
    {
        // Printing without --strict shows which arguments were evaluated, as in Nix 2.8.
        Assert.Equal("[ 3 ]", Evaluate.Lazy("(n: if n < 2 then n else [ n ]) (1 + 2)"));
        Assert.Equal("[ <CODE> ]", Evaluate.Lazy("(n: [ n ]) (1 + 2)"));
        Assert.Equal("[ <CODE> <CODE> ]", Evaluate.Lazy("(n: [ n (n + 0) ]) (1 + 2)"));
        Assert.Equal("[ <CODE> ]", Evaluate.Lazy("let k = 1; in (n: if k < 2 then [ n ] else n) (k + 2)"));
    }

    [Fact]
    public void A_known_argument_needs_no_thunk()
    {
        // Per element: the element and its slot (64 bytes), the frame of `acc: x:` (40) and `acc + 1`
        // (24); `f`'s frame is reused, and `acc + 1` goes to f as a value, not a thunk (32) of it.
        var perElement = Evaluate.BytesPerElement("n: let f = k: if k < 0 then 0 else k; in builtins.foldl' (acc: x: f (acc + 1)) 0 (builtins.genList (x: x) n)");
        Assert.True(perElement <= 136, $"{perElement} bytes per element");
    }
}
