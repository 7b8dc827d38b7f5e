namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// A <c>let</c> binding's thunk is made when a variable first reads its slot, not when the <c>let</c>
/// is entered: one never read costs nothing. Everything seen must be as when the thunk was made at
/// once: each frame its own thunk, evaluated once, lazy, in the let's scope, infinite recursion caught.
/// </summary>
public sealed class DeferredLetBindingTests
{
    [Theory]
    [InlineData("let a = b; b = 1 + 1; in a", "2")]
    [InlineData("let a = [ b ]; b = c * 2; c = 3; in a", "[ 6 ]")]
    [InlineData("let f = n: let d = n * 2; in [ d d ]; in [ (f 1) (f 2) ]", "[ [ 2 2 ] [ 4 4 ] ]")]
    [InlineData("let f = n: let r = if n == 0 then 0 else 1 + f (n - 1); in r; in f 100", "100")]
    [InlineData("let f = a: b: let c = a + b; in c * 2; p = f 1; in [ (p 2) (p 3) (f 4 5) ]", "[ 6 8 18 ]")]
    [InlineData("let f = { a, b ? a + 1 }: let c = [ b ]; in c; in f { a = 1; }", "[ 2 ]")]
    [InlineData("let a = 1; in let inherit a; b = a + 1; in b", "2")]
    [InlineData("with { a = 1; }; let b = a + 1; in b", "2")]
    [InlineData("let x = { a = y + 1; }; inherit (x) a; y = 1 + 0; in a", "2")]
    [InlineData("let xs = [ y ]; inherit (builtins) head; y = 2 * 3; in head xs", "6")]
    [InlineData("let x = throw \"never read\"; y = [ x ]; in 1", "1")]
    public void Values_are_as_when_the_thunk_was_made_at_once(string expression, string expected) =>
        Assert.Equal(expected, Evaluate.Value(expression));

    [Fact]
    public void A_binding_read_in_several_places_is_evaluated_once()
    {
        var result = Evaluate.Run("let x = builtins.trace \"once\" (1 + 1); y = [ x ]; in [ x (builtins.head y) x ]");
        Assert.True(result.Succeeded, result.Stderr);
        Assert.Equal("[ 2 2 2 ]", result.Stdout.TrimEnd('\n'));
        Assert.Equal("trace: once\n", result.Stderr);
    }

    [Fact]
    public void A_binding_reading_itself_is_infinite_recursion_at_its_expression()
    {
        var error = Evaluate.Error("let x = x + 1; in x");
        Assert.Contains("infinite recursion encountered", error);
        Assert.Contains("«string»:1:9", error);
        Assert.Contains("infinite recursion encountered", Evaluate.Error("let f = n: let r = [ (builtins.head r) ]; in builtins.head r; in f 1"));
    }

    [Fact]
    public void A_failing_binding_reports_where_it_is()
    {
        var error = Evaluate.Error("let x = 1 + \"a\"; in x");
        Assert.Contains("cannot add a string to an integer", error);
        Assert.Contains("«string»:1:13", error);
    }

    [Fact]
    public void A_binding_not_read_yet_prints_as_not_evaluated()
    {
        Assert.Equal("[ <CODE> ]", Evaluate.Lazy("let x = 1 + 2; in [ x ]"));
        Assert.Equal("[ <CODE> ]", Evaluate.Lazy("let s = { a = 1; }; x = s.a; in builtins.seq s [ x ]"));
        Assert.Equal("[ 3 ]", Evaluate.Lazy("let y = 1 + 2; x = [ y ]; in builtins.seq (builtins.head x) x"));
    }

    [Fact]
    public void A_binding_never_read_makes_no_thunk()
    {
        // Allocation bytes, since nothing else can tell a thunk made and never forced from none: a binding
        // in a function called per element costs its slot only (8 bytes of a larger frame), not a thunk
        // of 48 bytes holding the frame (recursiveUpdate's `here` made a million of them).
        var withUnread = Evaluate.BytesPerElement("n: builtins.foldl' (acc: x: let unread = [ x ]; in acc + 1) 0 (builtins.genList (x: x) n)");
        var without = Evaluate.BytesPerElement("n: builtins.foldl' (acc: x: let in acc + 1) 0 (builtins.genList (x: x) n)");
        Assert.True(withUnread - without <= 16, $"{withUnread} bytes per element with an unread binding, {without} without");
    }
}
