using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Shared;

namespace ConfigLang.Evaluator.Tests.Diagnostics;

public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("bad \u001b[31mred", "bad \\u001b[31mred")]
    [InlineData("title\u001b]0;pwned\u0007", "title\\u001b]0;pwned\\u0007")]
    [InlineData("over\rwrite", "over\\u000dwrite")]
    [InlineData("del\u007f c1\u009b", "del\\u007f c1\\u009b")]
    [InlineData("admin\u202e \u2066x\u2069", "admin\\u202e \\u2066x\\u2069")]
    [InlineData("two\nlines\tand a tab", "two\nlines\tand a tab")]
    [InlineData("caf\u00e9 \u4e2d \U0001F512 \u200b", "caf\u00e9 \u4e2d \U0001F512 \u200b")]
    public void Controls_and_bidi_overrides_are_shown_while_line_feeds_tabs_and_letters_stay(string text, string shown)
    {
        Assert.Equal(shown, TerminalText.Escape(text));
    }

    [Fact]
    public void Text_with_nothing_to_escape_is_returned_as_it_is()
    {
        var text = "security.acme.certs.\"a.example\" = { }; caf\u00e9";
        Assert.Same(text, TerminalText.Escape(text));
    }

    [Fact]
    public void One_line_text_shows_its_line_feeds_too()
    {
        Assert.Equal("bad\\u000a::error file=x::forged\tok", TerminalText.EscapeLine("bad\n::error file=x::forged\tok"));
    }

    [Fact]
    public void Exactly_the_documented_characters_are_escaped()
    {
        static bool Documented(char c) => c is (< ' ' and not '\n' and not '\t') or (>= '\u007f' and <= '\u009f')
            or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') or '\u2028' or '\u2029';
        for (var c = 0; c <= char.MaxValue; c++)
        {
            Assert.True(Documented((char)c) == TerminalText.IsEscaped((char)c), $"U+{c:X4}");
            var text = "x" + (char)c;
            Assert.Equal(Documented((char)c) || c == '\n' ? $"x\\u{c:x4}" : text, TerminalText.EscapeLine(text));
        }
        // The escaped set is built only up to this bound, so it must be the last one that acts.
        Assert.True(Documented(ActingCharacters.Highest));
        Assert.DoesNotContain(Enumerable.Range(ActingCharacters.Highest + 1, char.MaxValue - ActingCharacters.Highest), c => Documented((char)c));
    }
}
