using System.Text.Json.Nodes;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// <c>configlang options PATH</c> as the README writes it (no <c>--module</c>): the built-in
/// library's options, a leaf, a subtree, an option inside an attrsOf submodule, and a path that
/// names nothing.
/// </summary>
public sealed class OptionsPathTests
{
    [Fact]
    public void A_leaf_option_is_documented_in_text()
    {
        var run = CliRun.Invoke("options", "security.acme.defaults.keyType");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("security.acme.defaults.keyType\n  type: string\n  default: \"ec256\"\n  description: Type of the private key", run.Stdout);
        Assert.Matches(@"\n  declared in: .*modules/security/acme\.nix\n", run.Stdout);
        Assert.Single(run.Stdout.Split("\n"), line => line.Length > 0 && !line.StartsWith(' '));
    }

    [Fact]
    public void A_leaf_option_is_one_json_entry()
    {
        var run = CliRun.Invoke("options", "security.acme.defaults.dnsProvider", "--json");
        Assert.Equal(0, run.ExitCode);
        var option = Assert.Single(JsonNode.Parse(run.Stdout)!.AsArray())!;
        Assert.Equal("security.acme.defaults.dnsProvider", (string?)option["name"]);
        Assert.Equal("null or one of \"acme-dns\", \"azuredns\", \"cloudflare\", \"desec\", \"digitalocean\", \"dnsimple\", \"exec\", \"gandiv5\", \"gcloud\", \"godaddy\", \"hetzner\", \"httpreq\", \"inwx\", \"linode\", \"namecheap\", \"ovh\", \"porkbun\", \"rfc2136\", \"vultr\"", (string?)option["type"]);
        Assert.Equal("null", (string?)option["default"]);
        Assert.Equal("\"cloudflare\"", (string?)option["example"]);
        Assert.Contains("DNS-01", (string?)option["description"]);
        Assert.Equal(["security", "acme", "defaults", "dnsProvider"], option["loc"]!.AsArray().Select(n => (string?)n));
        Assert.EndsWith("modules/security/acme.nix", (string?)Assert.Single(option["declarations"]!.AsArray()));
    }

    [Fact]
    public void A_leaf_option_as_markdown_is_one_section()
    {
        var run = CliRun.Invoke("options", "security.acme.defaults.keyType", "--markdown");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("## security.acme.defaults.keyType\n\nType of the private key", run.Stdout);
        Assert.Contains("*Default:* `\"ec256\"`", run.Stdout);
        Assert.Single(run.Stdout.Split("\n"), line => line.StartsWith("## "));
    }

    [Fact]
    public void A_subtree_lists_the_option_and_everything_under_it()
    {
        var run = CliRun.Invoke("options", "security.acme.defaults", "--json");
        Assert.Equal(0, run.ExitCode);
        var names = JsonNode.Parse(run.Stdout)!.AsArray().Select(o => (string?)o!["name"]).ToList();
        Assert.Equal("security.acme.defaults", names[0]);
        Assert.Contains("security.acme.defaults.keyType", names);
        Assert.Contains("security.acme.defaults.dnsProvider", names);
        Assert.All(names, name => Assert.StartsWith("security.acme.defaults", name));
        Assert.DoesNotContain("security.acme.certs.<name>.keyType", names);
    }

    [Fact]
    public void A_subtree_in_text_has_one_entry_per_option()
    {
        var run = CliRun.Invoke("options", "security.acme.defaults");
        Assert.Equal(0, run.ExitCode);
        var headings = run.Stdout.Split("\n").Where(line => line.Length > 0 && !line.StartsWith(' ')).ToList();
        Assert.Contains("security.acme.defaults.keyType", headings);
        Assert.True(headings.Count > 5, $"only {headings.Count} options under security.acme.defaults");
        Assert.All(headings, heading => Assert.StartsWith("security.acme.defaults", heading));
    }

    [Theory]
    [InlineData("security.acme.certs.<name>.group")]
    [InlineData("security.acme.certs.\"example.org\".group")]
    [InlineData("security.acme.certs.example.group")]
    public void An_option_of_an_attrsOf_submodule_is_documented_under_its_placeholder_name(string path)
    {
        var run = CliRun.Invoke("options", path, "--json");
        Assert.Equal(0, run.ExitCode);
        var option = Assert.Single(JsonNode.Parse(run.Stdout)!.AsArray())!;
        Assert.Equal("security.acme.certs.<name>.group", (string?)option["name"]);
        Assert.Equal("config.security.acme.defaults.group", (string?)option["default"]);
    }

    [Fact]
    public void An_option_of_an_attrsOf_submodule_is_documented_in_text()
    {
        var run = CliRun.Invoke("options", "security.acme.certs.\"example.org\".group");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("security.acme.certs.<name>.group\n  type: ", run.Stdout);
        Assert.Contains("\n  default: config.security.acme.defaults.group\n", run.Stdout);
    }

    [Theory]
    [InlineData("security.acme.defaults.dnsProvidr", "'security.acme.defaults.dnsProvider'")]
    [InlineData("security.acme.defualts.keyType", "'security.acme.defaults.keyType'")]
    [InlineData("security.acme.certs.\"example.org\".grop", "'security.acme.certs.\"example.org\".group'")]
    public void An_unknown_path_is_an_error_with_a_suggestion(string path, string suggestion)
    {
        foreach (var format in new[] { "--markdown", "--json" })
        {
            var run = CliRun.Invoke("options", path, format);
            Assert.Equal(1, run.ExitCode);
            Assert.Equal("", run.Stdout);
            Assert.Equal($"error[CL2002]: no option '{path}'\n  did you mean {suggestion}?\n", run.Stderr.Replace("\r\n", "\n"));
        }
    }

    [Fact]
    public void An_unknown_path_in_text_is_an_error_with_a_suggestion()
    {
        var run = CliRun.Invoke("options", "security.acme.defaults.dnsProvidr");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("error[CL2002]: no option 'security.acme.defaults.dnsProvidr'", run.Stderr);
        Assert.Contains("did you mean 'security.acme.defaults.dnsProvider'?", run.Stderr);
    }

    [Theory]
    [InlineData("security.acme.nope.x")]
    [InlineData("security.acme.defaults.keyType.x")]
    public void A_path_far_from_every_option_is_an_error_without_a_guess(string path)
    {
        var run = CliRun.Invoke("options", path);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error[CL2002]: no option '{path}'\n", run.Stderr.Replace("\r\n", "\n"));
    }
}
