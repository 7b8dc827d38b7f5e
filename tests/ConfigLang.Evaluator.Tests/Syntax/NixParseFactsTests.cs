using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Tests.Syntax;

/// <summary>
/// The re-parse behind Nix's positions (<see cref="SourceText.NixAttributeStart"/>) can be asked for deep in an
/// evaluation, where the parser may run short of stack: the answer must not depend on how deep that is.
/// </summary>
public sealed class NixParseFactsTests
{
    [Fact]
    public void A_re_parse_asked_on_a_small_stack_still_finds_the_path_start()
    {
        // Deep enough for a small stack to cut the parse short before 'a.b', within the nesting limit.
        var text = "{ x = " + new string('[', 900) + new string(']', 900) + "; a.b = 1; }";
        var source = new SourceText(text, "deep.nix");
        var nameOfB = text.IndexOf("a.b", StringComparison.Ordinal) + 2;

        // Short of stack the read moves to a large one: the path's start, not the name's own place.
        Assert.Equal(nameOfB - 2, NixAttributeStartOnAStackOf(256 * 1024, source, nameOfB));
        Assert.Equal(nameOfB - 2, NixAttributeStartOnAStackOf(4 * 1024 * 1024, new SourceText(text, "deep.nix"), nameOfB));
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
