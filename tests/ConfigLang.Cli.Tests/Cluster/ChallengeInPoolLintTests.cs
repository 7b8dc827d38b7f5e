using System.Text.Json.Nodes;
using ConfigLang.Host;

namespace ConfigLang.Cli.Tests.Cluster;

/// <summary>
/// CL3020 through <c>configlang lint</c>: a certificate of a host in a cluster validated over
/// HTTP-01 (webroot, listenHTTP, nginx's enableACME) or TLS-ALPN-01 (listenTLS) is a warning at
/// the definition that chooses the challenge, naming DNS-01 and soleReceiver; DNS-01,
/// <c>soleReceiver = true</c> and a host without a cluster are quiet.
/// </summary>
public sealed class ChallengeInPoolLintTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("configlang-cl3020-");

    public void Dispose() => _dir.Delete(recursive: true);

    private const string Cluster = """
          security.acme.cluster = {
            enable = true;
            endpoints = [ "http://127.0.0.1:2379" ];
            encryptionKeyFile = "/run/secrets/acme-cluster.key";
          };
        """;

    private string Host(string body, string cluster = Cluster)
    {
        var path = Path.Combine(_dir.FullName, "host.nix");
        File.WriteAllText(path, $$"""
            { pkgs, ... }: {
              security.acme.acceptTerms = true;
              security.acme.defaults.email = "ops@example.org";
              networking.firewall.allowedTCPPorts = [ 80 443 ];
            {{cluster}}
            {{body}}
            }
            """);
        return path;
    }

    private static List<JsonObject> Findings(CliRun run) =>
        [.. JsonNode.Parse(run.Stdout)!["diagnostics"]!.AsArray().Select(d => d!.AsObject()).Where(d => (string?)d["code"] == LintCodes.ChallengeInPool)];

    [Theory]
    [InlineData("webroot", "HTTP-01")]
    [InlineData("listenHTTP", "HTTP-01")]
    [InlineData("listenTLS", "TLS-ALPN-01")]
    public void A_challenge_another_member_cannot_answer_is_a_warning_at_its_definition(string option, string kind)
    {
        var body = option switch
        {
            "webroot" => "security.acme.certs.\"www.example.org\".webroot = \"/var/lib/acme/acme-challenge\";",
            "listenHTTP" => "security.acme.certs.\"www.example.org\".listenHTTP = \":80\";",
            _ => "security.acme.certs.\"www.example.org\".listenTLS = \":443\";",
        };
        var challenge = $"{kind} ({option})";
        var host = Host(body);
        var run = CliRun.Invoke("lint", "--format", "json", host);
        var finding = Assert.Single(Findings(run));
        Assert.Equal("warning", (string)finding["severity"]!);
        Assert.Equal($"Certificate \"www.example.org\" is shared through the etcd cluster but validated over {challenge}: behind a shared name the CA's request may reach another member of the pool, which cannot answer a challenge this host started",
            (string)finding["message"]!);
        Assert.Equal((host, 10, body.IndexOf(option, StringComparison.Ordinal) + 1), ((string)finding["file"]!, (int)finding["line"]!, (int)finding["column"]!));
        var note = (string)finding["notes"]![0]!["message"]!;
        Assert.Contains("DNS-01 (dnsProvider)", note);
        Assert.Contains("security.acme.cluster.soleReceiver = true", note);
    }

    [Fact]
    public void Certificates_sharing_one_definition_make_one_finding_there()
    {
        var host = Host("""
              security.acme.defaults.webroot = "/var/lib/acme/acme-challenge";
              security.acme.certs."a.example.org" = { };
              security.acme.certs."b.example.org" = { };
              security.acme.certs."c.example.org" = { };
              security.acme.certs."d.example.org" = { };
            """);
        var finding = Assert.Single(Findings(CliRun.Invoke("lint", "--format", "json", host)));
        Assert.StartsWith("Certificates \"a.example.org\", \"b.example.org\", \"c.example.org\" and 1 more are shared", (string)finding["message"]!);
        Assert.Equal(10, (int)finding["line"]!);
    }

    [Fact]
    public void Nginx_enable_acme_is_reported_at_the_virtual_host_setting()
    {
        var host = Host("""
              services.nginx.enable = true;
              services.nginx.virtualHosts."www.example.org" = {
                enableACME = true;
                forceSSL = true;
              };
            """);
        var run = CliRun.Invoke("lint", "--format", "json", host);
        var finding = Assert.Single(Findings(run));
        Assert.Contains("validated over HTTP-01 (webroot)", (string)finding["message"]!);
        Assert.Equal(12, (int)finding["line"]!);
    }

    [Fact]
    public void Dns01_sole_receiver_and_no_cluster_are_quiet()
    {
        var dns = Host("security.acme.certs.\"www.example.org\".dnsProvider = \"cloudflare\";");
        Assert.Empty(Findings(CliRun.Invoke("lint", "--format", "json", dns)));

        var sole = Host("security.acme.certs.\"www.example.org\".webroot = \"/var/lib/acme/acme-challenge\";",
            Cluster.Replace("enable = true;", "enable = true; soleReceiver = true;", StringComparison.Ordinal));
        Assert.Empty(Findings(CliRun.Invoke("lint", "--format", "json", sole)));

        var alone = Host("security.acme.certs.\"www.example.org\".webroot = \"/var/lib/acme/acme-challenge\";", "");
        Assert.Empty(Findings(CliRun.Invoke("lint", "--format", "json", alone)));
    }
}
