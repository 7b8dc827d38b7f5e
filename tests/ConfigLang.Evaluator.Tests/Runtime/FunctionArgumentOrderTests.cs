namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// The list builtins that call a function check it is one before looking at the list, so a
/// non-function fails even on an empty list or a non-list, with Nix 2.8's message (its
/// <c>nix-instantiate --eval --strict</c> answers these, and the corpus's eval-fail-all-1 & co).
/// </summary>
public sealed class FunctionArgumentOrderTests
{
    [Theory]
    [InlineData("builtins.all 1 [ ]")]
    [InlineData("builtins.any 1 \"foo\"")]
    [InlineData("builtins.filter 1 [ ]")]
    [InlineData("builtins.foldl' 1 0 [ ]")]
    [InlineData("builtins.concatMap 1 \"foo\"")]
    [InlineData("builtins.partition 1 [ ]")]
    [InlineData("builtins.groupBy 1 [ ]")]
    [InlineData("builtins.zipAttrsWith 1 [ ]")]
    public void A_non_function_fails_before_the_list_is_looked_at(string expression) =>
        Assert.Equal("error: value is an integer while a function was expected", Evaluate.Error(expression).Split('\n')[0]);
}
