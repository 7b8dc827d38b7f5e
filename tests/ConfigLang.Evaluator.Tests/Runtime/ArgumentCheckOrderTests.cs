namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// Arguments checked in Nix 2.8's order, with its messages (its <c>nix-instantiate --eval
/// --strict</c> answers these; the corpus's eval-fail-all-1, -div-2/3 & co): the list builtins that
/// call a function check it is one before looking at the list, so a non-function fails even on an
/// empty list or a non-list; division checks the divisor (a number, not zero) before the dividend.
/// </summary>
public sealed class ArgumentCheckOrderTests
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

    [Theory]
    [InlineData("1 / \"foo\"", "value is a string while a float was expected")]
    [InlineData("\"foo\" / 0", "division by zero")]
    [InlineData("[ ] / 0.0", "division by zero")]
    [InlineData("builtins.div \"foo\" 1", "value is a string while an integer was expected")]
    public void Division_checks_the_divisor_before_the_dividend(string expression, string message) =>
        Assert.Equal("error: " + message, Evaluate.Error(expression).Split('\n')[0]);
}
