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

    // C0 and DEL are escaped; U+0080-U+00FF are left, as a Nix string's chars may be its UTF-8 bytes ("\u2026" is E2 80 A6).
    [Theory]
    [InlineData("a\u001bb\u007f", "\"a\\u001bb\\u007f\"")]
    [InlineData("dots\u00e2\u0080\u00a6", "\"dots\u00e2\u0080\u00a6\"")]
    [InlineData("two\nlines\t\u00e9", "\"two\\nlines\\t\u00e9\"")]
    public void ShowString_escapes_C0_and_DEL_and_leaves_the_bytes_of_a_UTF8_string(string text, string shown) =>
        Assert.Equal(shown, OptionPath.ShowString(text));
}
