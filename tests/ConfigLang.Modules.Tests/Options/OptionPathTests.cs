using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Tests.Options;

public sealed class OptionPathTests
{
    [Theory]
    [InlineData(new[] { "security", "acme", "certs" }, "security.acme.certs")]
    [InlineData(new[] { "certs", "example.org", "group" }, "certs.\"example.org\".group")]
    [InlineData(new[] { "virtualHosts", "<name>", "root" }, "virtualHosts.<name>.root")]
    [InlineData(new[] { "list", "*", "x" }, "list.*.x")]
    [InlineData(new[] { "a", "if", "b" }, "a.\"if\".b")]
    [InlineData(new[] { "x", "${y}" }, "x.\"\\${y}\"")]
    public void Shows_names_as_NixOS_messages_do(string[] parts, string expected) =>
        Assert.Equal(expected, OptionPath.Show(parts));

    // A message's quoted string shows what the terminal escaping shows: C1 (U+009B) and bidi controls too, not C0 and DEL alone.
    [Theory]
    [InlineData("a\u001bb\u007f", "\"a\\u001bb\\u007f\"")]
    [InlineData("csi\u009b2J", "\"csi\\u009b2J\"")]
    [InlineData("admin\u202e\u2066x", "\"admin\\u202e\\u2066x\"")]
    [InlineData("two\nlines\t\u00e9", "\"two\\nlines\\t\u00e9\"")]
    public void ShowString_escapes_the_characters_terminal_text_escapes(string text, string shown) =>
        Assert.Equal(shown, OptionPath.ShowString(text));
}
