namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// Frames hold their slots inline up to a size, a <c>let</c> that is the body of a function,
/// <c>let</c> or <c>with</c> takes its slots in that frame, and a <c>with</c> over a set literal
/// is not searched for names the literal lacks: what each variable reads must not change.
/// </summary>
public sealed class FrameTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(12)]
    public void Every_slot_of_a_frame_holds_its_own_value(int size)
    {
        var names = Enumerable.Range(1, size).Select(i => $"a{i}").ToArray();
        var expected = $"[ {string.Join(" ", Enumerable.Range(1, size))} ]";
        var pattern = $"{{ {string.Join(", ", names)} }}";
        var argument = $"{{ {string.Join(" ", names.Select((n, i) => $"{n} = {i + 1};"))} }}";
        Assert.Equal(expected, Evaluate.Value($"({pattern}: [ {string.Join(" ", names)} ]) {argument}"));
        // The same names as a let of the function's body, after its argument: one frame of size + 1.
        var bindings = string.Join(" ", names.Select((n, i) => $"{n} = x + {i};"));
        Assert.Equal(expected, Evaluate.Value($"(x: let {bindings} in [ {string.Join(" ", names)} ]) 1"));
    }

    [Fact]
    public void A_let_sharing_its_owners_frame_sees_the_same_names()
    {
        Assert.Equal("[ 1 2 4 5 ]", Evaluate.Value("(x: let a = x + 1; b = a * 2; in let c = b + x; in [ x a b c ]) 1"));
        Assert.Equal("[ 1 2 ]", Evaluate.Value("let x = 1; in let inherit x; y = x + 1; in [ x y ]"));
        Assert.Equal("[ 5 2 ]", Evaluate.Value("let x = 1; in let x = 5; y = 2; in [ x y ]"));
        Assert.Equal("5", Evaluate.Value("(x: let x = 5; in x) 1"));
        Assert.Equal("[ 1 2 3 ]", Evaluate.Value("with { a = 1; }; let b = a + 1; in let c = b + a; in [ a b c ]"));
        Assert.Equal("[ 3 4 ]", Evaluate.Value("let s = { x = 3; y = 4; }; in let inherit (s) x; in let inherit (s) y; in [ x y ]"));
        Assert.Equal("7", Evaluate.Value("(x: let r = { self = r; v = x; }; in r.self.v) 7"));
        Assert.Equal("{ a = 1; b = 2; }", Evaluate.Value("({ a, ... }@args: let b = a + 1; in { inherit a b; }) { a = 1; c = 0; }"));
    }

    [Fact]
    public void Closures_made_in_a_shared_frame_keep_their_own_call()
    {
        Assert.Equal("[ 12 34 ]", Evaluate.Value("let f = x: let y = x * 10; g = z: y + z; in g; in [ ((f 1) 2) ((f 3) 4) ]"));
        Assert.Equal("[ 2 4 ]", Evaluate.Value("let f = x: let y = x * 2; in let z = y; in z; in map f [ 1 2 ]"));
    }

    [Fact]
    public void Recursion_through_a_shared_frame_is_still_infinite_recursion()
    {
        var error = Evaluate.Error("(x: let a = a + x; in a) 1");
        Assert.Contains("infinite recursion encountered", error);
        Assert.Contains("«string»:1:13", error);
    }

    [Fact]
    public void A_with_over_a_set_literal_is_searched_only_for_its_names()
    {
        Assert.Equal("3", Evaluate.Value("with { a = 1; }; with { b = 2; }; a + b"));
        Assert.Equal("2", Evaluate.Value("with { a = 1; }; with { a = 2; }; a"));
        Assert.Equal("1", Evaluate.Value("with rec { a = 1; b = a; }; b"));
        Assert.Equal("1", Evaluate.Value("with { x.y = 1; }; x.y"));
        // A literal with the name ends the search: the set around it is never evaluated.
        Assert.Equal("1", Evaluate.Value("with (throw \"boom\"); with { a = 1; }; a"));
        // A with that is not a literal is evaluated whenever it is reached, literal or not around it.
        Assert.Contains("boom", Evaluate.Error("with { a = 1; }; with (throw \"boom\"); a"));
        Assert.Contains("boom", Evaluate.Error("with (throw \"boom\"); with { b = 1; }; a"));
        // A name no with has is undefined when evaluated, where it is used.
        Assert.Equal("1", Evaluate.Value("with { a = 1; }; if true then a else c"));
        var undefined = Evaluate.Error("with { a = 1; }; c");
        Assert.Contains("undefined variable 'c'", undefined);
        Assert.Contains("«string»:1:18", undefined);
    }

    [Fact]
    public void Arithmetic_on_known_integers_done_early_still_fails_and_prints_as_nix_does()
    {
        // Nothing computed early may fail: an overflow or a division by zero is left to the thunk.
        Assert.Equal("0", Evaluate.Value("let n = 9223372036854775807; f = x: 0; in f (n + 1)"));
        Assert.Equal("0", Evaluate.Value("let n = 1; f = x: 0; in f (n / 0) + f (n * 9223372036854775807 * 2)"));
        Assert.Contains("integer overflow in adding 9223372036854775807 + 1",
            Evaluate.Error("let n = 9223372036854775807; f = x: x; in f (n + 1)"));
        var division = Evaluate.Error("let n = 1; f = x: x; in f (n / 0)");
        Assert.Contains("division by zero", division);
        Assert.Contains("«string»:1:28", division); // Nix 2.8 locates it at the start of `n / 0`
        Assert.Equal("[ 4 -2 3 0 true false ]", Evaluate.Value("let n = 3; f = x: x; in map f [ (n + 1) (1 - n) (n * 1) (n / 4) (n < 4) (n == 4) ]"));
        // __overrides replaces slots after the set's values were delayed: they read the frame late.
        Assert.Equal("11", Evaluate.Value("rec { a = 1; b = a + 1; __overrides = { a = 10; }; }.b"));
        // Unevaluated, it prints as the thunk Nix has there.
        Assert.Equal("[ <CODE> ]", Evaluate.Lazy("let n = 1; f = x: [ x ]; in f (n - 1)"));
    }

    // `a: b: …` fills one frame; a partial application copies the arguments it has into each later
    // call's frame, so closures made from one partial application stay independent. Expected
    // values are Nix 2.8's.
    [Theory]
    [InlineData("let f = a: b: c: [a b c]; g = f 1; h = g 2; in [ (h 3) (h 4) (g 5 6) (f 7 8 9) ]", "[ [ 1 2 3 ] [ 1 2 4 ] [ 1 5 6 ] [ 7 8 9 ] ]")]
    [InlineData("(x: x: x) 1 2", "2")]
    [InlineData("let f = a: b: c: { get = d: [a b c d]; }; p = f 1 2; in [ ((p 3).get 4) ((p 5).get 6) ]", "[ [ 1 2 3 4 ] [ 1 2 5 6 ] ]")]
    [InlineData("let f = a: b: with { a = 10; z = 20; }; [a b z]; in [ (f 1 2) ((f 3) 4) ]", "[ [ 1 2 20 ] [ 3 4 20 ] ]")]
    [InlineData("let f = a: b: let s = a + b; in c: s * c; in [ (f 1 2 3) ((f 2) 3 4) ]", "[ 9 20 ]")]
    [InlineData("builtins.foldl' (acc: x: acc ++ [x]) [] [1 2 3]", "[ 1 2 3 ]")]
    [InlineData("let f = a: b: let x1 = a; x2 = b; x3 = 3; x4 = 4; x5 = 5; x6 = 6; x7 = 7; x8 = 8; x9 = 9; in [x1 x2 x9]; g = f 1; in [ (g 2) (g 3) ]", "[ [ 1 2 9 ] [ 1 3 9 ] ]")]
    public void Curried_functions_share_a_frame_and_partial_applications_stay_independent(string program, string expected)
    {
        Assert.Equal(expected, Evaluate.Value($"let r = {program}; in builtins.deepSeq r r"));
    }
}
