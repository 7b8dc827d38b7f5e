using ConfigLang.Acme.Protocol;

namespace ConfigLang.Acme.Tests.Protocol;

/// <summary>How a server's text is quoted in an error: bounded, one line, nothing that steers the terminal or the line's order.</summary>
public sealed class ServerTextTests
{
    [Theory]
    [InlineData('\u202a')]
    [InlineData('\u202e')]
    [InlineData('\u2066')]
    [InlineData('\u2069')]
    [InlineData('\u2028')]
    [InlineData('\u2029')]
    public void Bidi_controls_and_unicode_line_separators_are_shown_escaped(char layout)
    {
        var quoted = ServerText.Quote($"invalid{layout}txt.exe", ServerText.FieldLength);

        Assert.Equal($"invalid\\u{(int)layout:x4}txt.exe", quoted);
    }

    [Fact]
    public void Control_characters_are_shown_escaped_and_line_breaks_become_spaces()
    {
        Assert.Equal("a\\u001b[2J b \\u0085c", ServerText.Quote("a\u001b[2J\nb\t\u0085c", ServerText.FieldLength));
    }

    [Fact]
    public void Other_text_outside_ASCII_is_kept()
    {
        Assert.Equal("bücher \u200d 😀", ServerText.Quote("bücher \u200d 😀", ServerText.FieldLength));
    }

    [Fact]
    public void Exactly_the_acting_characters_but_tab_and_line_feed_are_shown_escaped()
    {
        // The set the CLI's diagnostics escape (TerminalText), written out: C0, DEL, C1, bidi, separators.
        static bool Expected(char c) => c is (< ' ' and not '\t' and not '\n') or (>= '\u007f' and <= '\u009f')
            or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') or '\u2028' or '\u2029';

        var wrong = new List<int>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var text = ((char)c).ToString();
            var escaped = ServerText.ShowControls(text) != text;
            if (escaped != Expected((char)c)) wrong.Add(c);
        }

        Assert.Empty(wrong);
    }
}
