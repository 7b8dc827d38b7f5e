namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// A failed assertion's message prints its condition as Nix's parser does, where
/// <c>inherit (e) a b …</c> prints <c>e</c> once per name: a few kilobytes of hostile text would
/// print to many megabytes. The shown condition is cut at a bound instead.
/// </summary>
public sealed class AssertionConditionBoundTests
{
    [Fact]
    public void A_condition_that_prints_huge_is_cut()
    {
        const int count = 2_000;
        var list = "[ " + string.Concat(Enumerable.Repeat("1 ", count)) + "]";
        var names = string.Join(' ', Enumerable.Range(0, count).Select(i => "a" + i));
        var expression = $"assert {{ inherit ({{ x = {list}; }}) {names}; }} == 1; 1";

        var message = Evaluate.Error(expression).Split('\n')[0];

        Assert.StartsWith("error: assertion '({ a0 = ({ x = [ (1) (1) ", message, StringComparison.Ordinal);
        Assert.EndsWith("…' failed", message, StringComparison.Ordinal);
        Assert.InRange(message.Length, 64 * 1024, 64 * 1024 + 100);
    }
}
