using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>An excerpt of a server's or program's text is cut between characters: an emoji (two UTF-16
/// units) at the cut is left out whole, never printed as half a surrogate pair.</summary>
public sealed class RedactedExcerptTests
{
    private static readonly SecretRedactor NoSecrets = new();

    [Fact]
    public void Head_leaves_out_an_emoji_whose_second_half_is_past_the_cut()
    {
        // "ab" then 😀 at units 2 and 3: a cut after three units would keep only its first half.
        var excerpt = RedactedExcerpt.Head(NoSecrets, "ab😀cd", 3);

        Assert.Equal("ab...", excerpt);
    }

    [Fact]
    public void Tail_leaves_out_an_emoji_whose_first_half_is_before_the_cut()
    {
        var excerpt = RedactedExcerpt.Tail(NoSecrets, "ab😀cd", 3);

        Assert.Equal("...cd", excerpt);
    }

    [Fact]
    public void A_whole_emoji_within_the_length_is_kept()
    {
        Assert.Equal("ab😀...", RedactedExcerpt.Head(NoSecrets, "ab😀cd", 4));
        Assert.Equal("...😀cd", RedactedExcerpt.Tail(NoSecrets, "ab😀cd", 4));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(30)]
    public void Tail_keeps_a_programs_lines_and_shows_its_other_control_characters(int maxLength)
    {
        // A DNS hook's output: an escape sequence (set the title, clear the screen) and a CR that would overwrite the line.
        var excerpt = RedactedExcerpt.Tail(new SecretRedactor(["s3cret"]), "start\nfailed:\t\u001b]0;s3cret\u0007\rok\n\u202eevil\u009b2J", maxLength);

        Assert.EndsWith("failed:\t\\u001b]0;***\\u0007\\u000dok\n\\u202eevil\\u009b2J", excerpt);
        Assert.DoesNotContain("s3cret", excerpt);
        Assert.False(excerpt.Any(c => char.IsControl(c) && c is not ('\n' or '\t')), excerpt);
    }

    [Fact]
    public void Head_puts_a_servers_text_on_one_line_and_shows_its_control_characters()
    {
        var excerpt = RedactedExcerpt.Head(new SecretRedactor(["s3cret"]), "a\tb\r\nc\u001b]0;s3cret\u0007", 200);

        Assert.Equal("a b  c\\u001b]0;***\\u0007", excerpt);
    }
}
