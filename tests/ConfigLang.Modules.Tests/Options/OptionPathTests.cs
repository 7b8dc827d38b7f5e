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
}
