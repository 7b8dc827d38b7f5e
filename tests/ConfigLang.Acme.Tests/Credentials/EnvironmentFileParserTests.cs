using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Tests.Credentials;

/// <summary>systemd EnvironmentFile= syntax, case by case.</summary>
public sealed class EnvironmentFileParserTests
{
    [Theory]
    [InlineData("KEY=value", "value")]
    [InlineData("KEY=value  \t", "value")]
    [InlineData("   KEY=value", "value")]
    [InlineData("KEY = value", "value")]
    [InlineData("KEY=", "")]
    [InlineData("KEY=\"quoted value\"", "quoted value")]
    [InlineData("KEY='single $quoted \\n'", "single $quoted \\n")]
    [InlineData("KEY=\"esc \\\" \\\\ \\$ \\` done\"", "esc \" \\ $ ` done")]
    [InlineData("KEY=\"keeps \\n backslash\"", "keeps \\n backslash")]
    [InlineData("KEY=a\\ b", "a b")]
    [InlineData("KEY=mixed\"quo ted\"'and single'", "mixedquo tedand single")]
    [InlineData("KEY=value # not a comment", "value # not a comment")]
    [InlineData("KEY=\"  spaces kept  \"", "  spaces kept  ")]
    [InlineData("KEY=a=b=c", "a=b=c")]
    public void A_single_assignment_yields_the_shell_like_value(string line, string expected)
    {
        var values = EnvironmentFileParser.ParseText(line);

        Assert.Equal(expected, values["KEY"]);
    }

    [Fact]
    public void Comments_blank_lines_continuations_and_multiline_quotes_are_understood()
    {
        const string text = "# Cloudflare credentials\n"
            + "; also a comment\n"
            + "\n"
            + "CLOUDFLARE_DNS_API_TOKEN=abc\\\n"
            + "def\n"
            + "\t\n"
            + "MULTI=\"first\n"
            + "second\"\n"
            + "JOINED=\"one \\\n"
            + "two\"\n"
            + "CLOUDFLARE_DNS_API_TOKEN_AGAIN=x\r\n"
            + "LAST=final";

        var values = EnvironmentFileParser.ParseText(text);

        Assert.Equal("abcdef", values["CLOUDFLARE_DNS_API_TOKEN"]);
        Assert.Equal("first\nsecond", values["MULTI"]);
        Assert.Equal("one two", values["JOINED"]);
        Assert.Equal("x", values["CLOUDFLARE_DNS_API_TOKEN_AGAIN"]);
        Assert.Equal("final", values["LAST"]);
        Assert.Equal(5, values.Count);
    }

    [Fact]
    public void A_later_assignment_wins()
    {
        var values = EnvironmentFileParser.ParseText("A=1\nA=2\n");

        Assert.Equal("2", values["A"]);
    }

    [Theory]
    [InlineData("export TOKEN=s3cr3t-value", 1, "export")]
    [InlineData("OK=1\nthis line has no assignment s3cr3t-value", 2, "KEY=VALUE")]
    [InlineData("OK=1\n\nTOKEN=\"s3cr3t-value", 3, "quote")]
    [InlineData("1TOKEN=s3cr3t-value", 1, "letter")]
    public void Errors_give_the_line_and_a_reason_but_never_the_content(string text, int line, string reason)
    {
        var error = Assert.Throws<EnvironmentFileException>(() => EnvironmentFileParser.ParseText(text, "/run/secrets/acme.env"));

        Assert.Equal(line, error.Line);
        Assert.Contains("/run/secrets/acme.env:" + line, error.Message);
        Assert.Contains(reason, error.Message);
        Assert.DoesNotContain("s3cr3t", error.Message);
    }
}
