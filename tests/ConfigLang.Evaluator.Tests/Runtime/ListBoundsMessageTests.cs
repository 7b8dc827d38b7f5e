namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// elemAt, head and tail out of bounds name the builtin and the list's size, in newer Nix's
/// words (the corpus's eval-fail-elemAt-2/3, -head-2, -tail-2); Nix 2.8 only said "list index N is out of bounds".
/// </summary>
public sealed class ListBoundsMessageTests
{
    [Theory]
    [InlineData("builtins.elemAt [ ] (-1)", "'builtins.elemAt' called with index -1 on a list of size 0")]
    [InlineData("builtins.elemAt [ \"foo\" ] 3", "'builtins.elemAt' called with index 3 on a list of size 1")]
    [InlineData("builtins.head [ ]", "'builtins.head' called on an empty list")]
    [InlineData("builtins.tail [ ]", "'builtins.tail' called on an empty list")]
    public void Out_of_bounds_names_the_builtin(string expression, string message) =>
        Assert.Equal("error: " + message, Evaluate.Error(expression).Split('\n')[0]);
}
