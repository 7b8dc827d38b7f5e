namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// elemAt, head and tail out of bounds in Nix 2.8's words (checked with nix-instantiate 2.8):
/// "list index N is out of bounds" for elemAt and head, "'tail' called on an empty list" for tail.
/// Newer Nix (the corpus's .err.exp) names the builtin and the list's size instead.
/// </summary>
public sealed class ListBoundsMessageTests
{
    [Theory]
    [InlineData("builtins.elemAt [ ] (-1)", "list index -1 is out of bounds")]
    [InlineData("builtins.elemAt [ \"foo\" ] 3", "list index 3 is out of bounds")]
    [InlineData("builtins.head [ ]", "list index 0 is out of bounds")]
    [InlineData("builtins.tail [ ]", "'tail' called on an empty list")]
    public void Out_of_bounds_is_worded_as_Nix_2_8_words_it(string expression, string message) =>
        Assert.Equal("error: " + message, Evaluate.Error(expression).Split('\n')[0]);
}
