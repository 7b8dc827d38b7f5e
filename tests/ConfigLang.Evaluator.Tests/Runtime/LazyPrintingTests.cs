namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// What a lazily printed set or list shows for an element not evaluated yet. Nix 2.8 makes a thunk
/// for every element except an integer, float, string without interpolation or path literal, and a
/// variable (which shares the variable's own value); a thunk prints as <c>&lt;CODE&gt;</c> until
/// forced. The expected outputs were printed by Nix 2.8
/// (<c>NIX_REMOTE=dummy:// nix-instantiate --eval -E '…'</c>), not derived from our output.
/// </summary>
public sealed class LazyPrintingTests
{
    [Theory]
    // Literals Nix keeps as values; everything computed is a thunk.
    [InlineData("{ a = 1; b = \"s\"; c = 1.5; d = true; e = null; }", "{ a = 1; b = \"s\"; c = 1.5; d = true; e = null; }")]
    [InlineData("{ a = ''ab''; b = \"x\\n\"; c = -1; e = http://x.org; f = ./a/${\"b\"}; h = ''a${\"b\"}''; }",
        "{ a = \"ab\"; b = \"x\\n\"; c = <CODE>; e = \"http://x.org\"; f = <CODE>; h = <CODE>; }")]
    [InlineData("{ a = \"x${\"y\"}\"; c = \"${toString 1}\"; e = \"\"; }", "{ a = <CODE>; c = <CODE>; e = \"\"; }")]
    [InlineData("{ a = [ 1 2 ]; b = { }; c = { x = 1; }; }", "{ a = <CODE>; b = <CODE>; c = <CODE>; }")]
    [InlineData("{ a = 1 - 1; b = !true; c = -1.0; d = 1 == 1; e = [ ] ++ [ ]; f = \"a\" + \"b\"; }",
        "{ a = <CODE>; b = <CODE>; c = <CODE>; d = <CODE>; e = <CODE>; f = <CODE>; }")]
    [InlineData("{ a = with { }; 1; b = let z = 1; in z; c = rec { x = 1; }; e = let in 1; }", "{ a = <CODE>; b = <CODE>; c = <CODE>; e = <CODE>; }")]
    [InlineData("{ a.b = 1; a.c = 2; }", "{ a = <CODE>; }")]
    [InlineData("{ ${\"a\"} = 1; b = { c = 1; } // { d = 2; }; }", "{ a = 1; b = <CODE>; }")]
    // Variables share the variable's value: a constant or a thunk, forced or not.
    [InlineData("let v = 1; in { a = v; b = true; }", "{ a = 1; b = true; }")]
    [InlineData("let v = 1 + 1; in { a = v; }", "{ a = <CODE>; }")]
    [InlineData("let v = 1 + 1; in builtins.seq v { a = v; }", "{ a = 2; }")]
    [InlineData("with { x = 1; }; { a = x; b = true; }", "{ a = <CODE>; b = true; }")]
    [InlineData("let x = 1; y = { z = 2; }; in { inherit x; inherit (y) z; }", "{ x = 1; z = <CODE>; }")]
    [InlineData("let f = x: { a = x; }; in [ (f 1) ]", "[ <CODE> ]")]
    [InlineData("let f = x: { a = x; }; in f 1", "{ a = 1; }")]
    [InlineData("let f = x: { a = x; }; in f (1 + 1)", "{ a = <CODE>; }")]
    [InlineData("let f = { a ? 1 }: { b = a; }; in f { }", "{ b = 1; }")]
    [InlineData("let f = { a ? 1 + 1 }: { b = a; }; in f { }", "{ b = <CODE>; }")]
    // Selections and calls are thunks.
    [InlineData("let s = { x = 1; }; in { a = s.x; b = s.x or 2; c = s ? x; d = (x: x) 1; }", "{ a = <CODE>; b = <CODE>; c = <CODE>; d = <CODE>; }")]
    [InlineData("let v = 1; in [ v (assert true; 1) (if true then 1 else 2) ]", "[ 1 <CODE> <CODE> ]")]
    [InlineData("builtins.mapAttrs (n: v: v) { a = 1; }", "{ a = <CODE>; }")]
    [InlineData("builtins.map (x: x) [ 1 2 ]", "[ <CODE> <CODE> ]")]
    // builtins.name is a thunk in Nix, though we know its value when lowering.
    [InlineData("{ a = builtins.map; b = builtins.head; }", "{ a = <CODE>; b = <CODE>; }")]
    [InlineData("[ 1 builtins.map (builtins.map) builtins.true ]", "[ 1 <CODE> <CODE> <CODE> ]")]
    [InlineData("{ a = builtins.langVersion; b = builtins.storeDir; c = builtins.nixPath; e = __nixPath; f = __storeDir; }",
        "{ a = <CODE>; b = <CODE>; c = <CODE>; e = [ ]; f = \"/nix/store\"; }")]
    [InlineData("{ a = builtins.map or 1; b = builtins.x.y or 1; c = builtins.nope or builtins.head; }", "{ a = <CODE>; b = <CODE>; c = <CODE>; }")]
    [InlineData("{ inherit (builtins) head; }", "{ head = <CODE>; }")]
    [InlineData("rec { inherit (builtins) head; }", "{ head = <CODE>; }")]
    [InlineData("let inherit (builtins) head; in { h = head; }", "{ h = <CODE>; }")]
    [InlineData("let f = x: { a = x; }; in f builtins.map", "{ a = <CODE>; }")]
    [InlineData("let f = x: [ x ]; in f builtins.langVersion", "[ <CODE> ]")]
    [InlineData("let f = { a ? builtins.map }: { b = a; }; in f { }", "{ b = <CODE>; }")]
    [InlineData("let f = { a }: { b = a; }; in f { a = builtins.map; }", "{ b = <CODE>; }")]
    [InlineData("(x: x) { a = builtins.map; }", "{ a = <CODE>; }")]
    [InlineData("{ a = 1; } // { b = builtins.map; }", "{ a = 1; b = <CODE>; }")]
    [InlineData("builtins.attrValues { a = 1; b = builtins.map; }", "[ 1 <CODE> ]")]
    [InlineData("builtins.head [ { a = builtins.map; } ]", "{ a = <CODE>; }")]
    // Forced before printing, it shows its value.
    [InlineData("let s = { a = builtins.map; b = 1 + 1; }; in builtins.seq s.a (builtins.seq s.b s)", "{ a = <PRIMOP>; b = 2; }")]
    [InlineData("{ a = builtins; }.a.map", "<PRIMOP>")]
    [InlineData("{ a = builtins.map; }.a", "<PRIMOP>")]
    // __curPos is a thunk too.
    [InlineData("{ a = __curPos; }", "{ a = <CODE>; }")]
    [InlineData("[ __curPos builtins.map ]", "[ <CODE> <CODE> ]")]
    public void Prints_what_Nix_2_8_prints(string expression, string nixOutput) =>
        Assert.Equal(nixOutput, Evaluate.Lazy(expression));

    [Fact]
    public void A_builtin_selection_is_still_the_builtin_when_used()
    {
        // Nix 2.8 gives an -E expression's text as the file of its positions.
        const string expression = "[ (builtins.head (builtins.map (x: x + 1) [ 1 ])) (builtins.all builtins.isInt [ 1 ]) __curPos ]";
        Assert.Equal($"[ 2 true {{ column = 87; file = \"{expression}\"; line = 1; }} ]", Evaluate.Value(expression));
        Assert.Equal("[ 1 ]", Evaluate.Value("let inherit (builtins) head; in [ (head [ 1 ]) ]"));
        Assert.Equal("1", Evaluate.Value("let f = x: x; in f builtins.head [ 1 ]"));
    }

    [Fact]
    public void A_default_never_used_is_still_checked()
    {
        Assert.Contains("undefined variable 'nope'", Evaluate.Error("builtins.map or nope"));
    }
}
