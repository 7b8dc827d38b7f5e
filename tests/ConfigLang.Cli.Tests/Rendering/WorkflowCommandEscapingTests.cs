using ConfigLang.Cli.Rendering.DiagnosticFormats.GitHub;

namespace ConfigLang.Cli.Tests.Rendering;

public sealed class WorkflowCommandEscapingTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("100%", "100%25")]
    [InlineData("a\r\nb", "a%0D%0Ab")]
    [InlineData("%0A stays literal", "%250A stays literal")]
    [InlineData("a: b, c", "a: b, c")]
    public void Data_escapes_percent_and_line_breaks(string value, string escaped)
    {
        Assert.Equal(escaped, WorkflowCommandEscaping.EscapeData(value));
    }

    [Theory]
    [InlineData("hosts/web.nix", "hosts/web.nix")]
    [InlineData("a: b, c", "a%3A b%2C c")]
    [InlineData("50%,\n", "50%25%2C%0A")]
    public void Properties_also_escape_colon_and_comma(string value, string escaped)
    {
        Assert.Equal(escaped, WorkflowCommandEscaping.EscapeProperty(value));
    }
}
