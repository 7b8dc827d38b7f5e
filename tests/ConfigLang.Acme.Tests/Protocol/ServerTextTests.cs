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
}
