namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// <c>f or</c> (a call of f on a variable named <c>or</c>) used as an argument, a list element
/// or a select's fallback gets newer Nix's warning (its meaning will change), located at the
/// call and quoting it; the same call alone or in parentheses, and <c>map or [ ]</c>, do not.
/// The value is unchanged.
/// </summary>
public sealed class CursedOrWarningTests
{
    [Theory]
    [InlineData("let or = 1; in builtins.length [ (x: x) or ]", "1", "1:34", "((x: x) or)")]
    [InlineData("let or = 1; in (x: x * 2) (x: x + 1) or", "4", "1:27", "((x: x + 1) or)")]
    [InlineData("let or = 1; in { a = 2; }.a or (x: x) or", "2", "1:32", "((x: x) or)")]
    public void A_call_of_or_where_it_will_change_meaning_warns(string expression, string value, string position, string quoted)
    {
        var result = Evaluate.Run(expression);
        Assert.True(result.Succeeded, result.Stderr);
        Assert.Equal(value, result.Stdout.TrimEnd('\n'));
        Assert.Equal(
            $"warning: at «string»:{position}: This expression uses `or` as an identifier in a way that will change in a future Nix release.\n" +
            "Wrap this entire expression in parentheses to preserve its current meaning:\n" +
            $"    {quoted}\n" +
            "Give feedback at https://github.com/NixOS/nix/pull/11121\n",
            result.Stderr);
    }

    [Theory]
    [InlineData("let or = (x: x); in map or [ ]", "[ ]")]
    [InlineData("let f = (x: x); or = f; in f (f or)", "<LAMBDA>")]
    [InlineData("let or = 1; in (x: x * 2) ((x: x + 1) or)", "4")]
    [InlineData("let or = 1; in [ ((x: x) or) ]", "[ 1 ]")]
    [InlineData("let or = 1; in { a = 2; }.b or ((x: x) or)", "1")]
    public void The_same_call_alone_or_in_parentheses_does_not(string expression, string value)
    {
        var result = Evaluate.Run(expression);
        Assert.True(result.Succeeded, result.Stderr);
        Assert.Equal(value, result.Stdout.TrimEnd('\n'));
        Assert.Equal("", result.Stderr);
    }
}
