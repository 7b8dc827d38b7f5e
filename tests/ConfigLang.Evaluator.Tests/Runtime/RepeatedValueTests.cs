namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// «repeated» as Nix 2.8 prints it (expected texts from nix-instantiate --eval --strict): a list
/// is marked by the slot holding it, so a self-containing list shows one level before repeating.
/// </summary>
public sealed class RepeatedValueTests
{
    [Theory]
    [InlineData("let x = [ x ]; in x", "[ [ «repeated» ] ]")]
    [InlineData("let x = [ 1 ]; in [ x x ]", "[ [ 1 ] «repeated» ]")]
    [InlineData("let x = { a = 1; }; in [ x x ]", "[ { a = 1; } «repeated» ]")]
    [InlineData("let x = [ 1 ]; f = y: y; in [ (f x) (f x) ]", "[ [ 1 ] [ 1 ] ]")]
    [InlineData("let x = [ 1 ]; in builtins.map (z: x) [ 1 2 ]", "[ [ 1 ] [ 1 ] ]")]
    [InlineData("let x = [ 1 ]; in { inherit x; y = x; }", "{ x = [ 1 ]; y = «repeated»; }")]
    public void Repeated_lists_and_sets_print_as_Nix_prints_them(string expression, string expected) =>
        Assert.Equal(expected, Evaluate.Value(expression));
}
