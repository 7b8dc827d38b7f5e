using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Tests.Syntax;

/// <summary>
/// The re-parse behind Nix's positions (<see cref="SourceText.NixAttributeStart"/>) can be asked for deep in an
/// evaluation, where the parser may run short of stack and give up part-way: what it saw then must not be kept.
/// </summary>
public sealed class NixParseFactsTests
{
    [Fact]
    public void A_re_parse_cut_short_by_the_stack_is_not_kept_for_later_positions()
    {
        // Deep enough for a small stack to cut the parse short before 'a.b', within the nesting limit.
        var text = "{ x = " + new string('[', 900) + new string(']', 900) + "; a.b = 1; }";
        var source = new SourceText(text, "deep.nix");
        var nameOfB = text.IndexOf("a.b", StringComparison.Ordinal) + 2;

        // Short of stack the name's own place stands in; with enough, the path's start is found.
        Assert.Equal(nameOfB, NixAttributeStartOnAStackOf(256 * 1024, source, nameOfB));
        Assert.Equal(nameOfB - 2, NixAttributeStartOnAStackOf(4 * 1024 * 1024, source, nameOfB));
    }

    private static int NixAttributeStartOnAStackOf(int stackBytes, SourceText source, int nameOffset)
    {
        var start = -1;
        var thread = new Thread(() => start = source.NixAttributeStart(nameOffset), stackBytes);
        thread.Start();
        thread.Join();
        return start;
    }
}
