using System.Text.Json.Nodes;
using ConfigLang.TestSupport;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// <c>configlang show CONFIG</c> without an option path prints everything that is set, for
/// every example host: options without a definition or default (such as the built-in
/// <c>localhost</c> virtual host's certificate paths) are left out instead of failing the run.
/// </summary>
public sealed class ShowWholeConfigurationTests
{
    public static TheoryData<string> Examples() => ShowExamplesGoldenTests.Examples();

    private static JsonObject ShowAll(string example)
    {
        var run = CliRun.Invoke("show", Host(example), "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonNode.Parse(run.Stdout)!.AsObject();
    }

    private static string Host(string example) => Path.Combine(RepositoryRoot.Path, "examples", example, "host.nix");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Everything_that_is_set_includes_the_same_certificates_as_the_certificates_subtree(string example)
    {
        var all = ShowAll(example);
        var certs = CliRun.Invoke("show", Host(example), "security.acme.certs", "--json");
        Assert.True(certs.ExitCode == 0, certs.Stderr);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(certs.Stdout), all["security"]!["acme"]!["certs"]),
            "the certificates in the whole configuration differ from `show CONFIG security.acme.certs`");
    }

    [Fact]
    public void The_minimal_host_shows_its_certificate_and_virtual_host()
    {
        var all = ShowAll("minimal");
        var cert = all["security"]!["acme"]!["certs"]!["example.org"]!;
        Assert.Equal("nginx", (string?)cert["group"]);
        Assert.Equal(["www.example.org"], cert["extraDomainNames"]!.AsArray().Select(d => (string?)d));
        Assert.Equal("admin@example.org", (string?)all["security"]!["acme"]!["defaults"]!["email"]);
        var vhost = all["services"]!["nginx"]!["virtualHosts"]!["example.org"]!;
        Assert.True((bool)vhost["forceSSL"]!);
        Assert.Equal("example.org", (string?)vhost["useACMEHost"]);
        Assert.Equal("/var/lib/acme/example.org/fullchain.pem", (string?)vhost["sslCertificate"]);
    }

    [Fact]
    public void The_http01_host_shows_its_values_and_leaves_out_options_nobody_set()
    {
        var all = ShowAll("http01-nginx");
        var cert = all["security"]!["acme"]!["certs"]!["example.org"]!;
        Assert.Equal(["mail.example.org", "www.example.org"], cert["extraDomainNames"]!.AsArray().Select(d => (string?)d));
        Assert.Equal("/var/lib/acme/acme-challenge/", (string?)cert["webroot"]);
        Assert.Contains(80, all["networking"]!["firewall"]!["allowedTCPPorts"]!.AsArray().Select(p => (int)p!));
        // The library's default httpd virtual host: its defined options are there, the
        // certificate paths that only an ACME setup would define are not.
        var localhost = all["services"]!["httpd"]!["virtualHosts"]!["localhost"]!.AsObject();
        Assert.Equal("localhost", (string?)localhost["hostName"]);
        Assert.False(localhost.ContainsKey("sslServerCert"));
        Assert.False(localhost.ContainsKey("sslServerKey"));
    }

    [Fact]
    public void Text_output_of_the_whole_configuration_is_the_nix_value()
    {
        var run = CliRun.Invoke("show", Host("minimal"));
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.StartsWith("{ ", run.Stdout);
        Assert.Contains("useACMEHost = \"example.org\";", run.Stdout);
        Assert.DoesNotContain("Obsolete option", run.Stderr);
    }
}
