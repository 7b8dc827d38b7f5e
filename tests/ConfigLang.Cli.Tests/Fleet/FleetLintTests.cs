using System.Text.Json.Nodes;
using ConfigLang.Host;

namespace ConfigLang.Cli.Tests.Fleet;

/// <summary>
/// The fleet checks of <c>configlang lint a.nix b.nix ...</c> (CL3021-CL3023): each finding and
/// its absence, every host file involved named by a location (the primary in one file, a note
/// in each other), and the same output whatever order the files are given in.
/// </summary>
public sealed class FleetLintTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("configlang-fleet-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static string Cluster(string endpoints = "\"http://127.0.0.1:2379\"", string prefix = "/configlang/acme") => $$"""
          security.acme.cluster = {
            enable = true;
            endpoints = [ {{endpoints}} ];
            prefix = "{{prefix}}";
            encryptionKeyFile = "/run/secrets/acme-cluster.key";
            soleReceiver = true;
          };
        """;

    // The host's own settings start on line 5.
    private string Host(string name, string body)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, "{\n  security.acme.acceptTerms = true;\n  security.acme.defaults.email = \"ops@example.org\";\n  networking.firewall.allowedTCPPorts = [ 80 ];\n" + body + "\n}\n");
        return path;
    }

    private static string Cert(string name, string challenge = "listenHTTP = \":80\";", string extra = "") =>
        $"  security.acme.certs.\"{name}\" = {{ {challenge} {extra} }};\n";

    private static List<JsonObject> Findings(CliRun run, string code) =>
        [.. JsonNode.Parse(run.Stdout)!["diagnostics"]!.AsArray().Select(d => d!.AsObject()).Where(d => (string?)d["code"] == code)];

    private static CliRun Lint(params string[] hosts) => CliRun.Invoke(["lint", "--format", "json", .. hosts]);

    [Fact]
    public void The_same_names_on_two_hosts_without_a_cluster_are_a_duplicate_warning_naming_both_files()
    {
        var a = Host("a.nix", Cert("www.example.org", extra: "extraDomainNames = [ \"example.org\" ];"));
        var b = Host("b.nix", Cert("site", extra: "domain = \"Example.org\"; extraDomainNames = [ \"www.example.org\" ];"));
        var run = Lint(b, a);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stdout);
        var finding = Assert.Single(Findings(run, LintCodes.DuplicateCertificateAcrossHosts));
        Assert.Equal("2 hosts order the same names (example.org, www.example.org) in 2 separate orders; Let's Encrypt issues at most 5 certificates for one set of names every 7 days",
            (string)finding["message"]!);
        Assert.Equal((a, 5), ((string)finding["file"]!, (int)finding["line"]!));
        var related = Assert.Single(finding["notes"]!.AsArray(), n => n!["file"] is not null)!;
        Assert.Equal((b, 5, "the same names (\"site\"), ordered separately here"), ((string)related["file"]!, (int)related["line"]!, (string)related["message"]!));
        Assert.Contains(finding["notes"]!.AsArray(), n => ((string)n!["message"]!).Contains("security.acme.cluster", StringComparison.Ordinal));
    }

    [Fact]
    public void Hosts_of_one_cluster_share_the_certificate_so_no_duplicate()
    {
        var a = Host("a.nix", Cluster("\"http://127.0.0.1:2379\" \"http://127.0.0.2:2379\"") + Cert("www.example.org"));
        var b = Host("b.nix", Cluster("\"http://127.0.0.2:2379/\" \"http://127.0.0.1:2379\"") + Cert("www.example.org"));
        var run = Lint(a, b);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stdout);
        Assert.Empty(Findings(run, LintCodes.DuplicateCertificateAcrossHosts));
    }

    [Theory]
    [InlineData("\"http://127.0.0.9:2379\"", "/configlang/acme", "www.example.org")]
    [InlineData("\"http://127.0.0.1:2379\"", "/other", "www.example.org")]
    [InlineData("\"http://127.0.0.1:2379\"", "/configlang/acme", "www")]
    public void Another_cluster_prefix_or_certificate_name_orders_again(string endpoints, string prefix, string name)
    {
        var a = Host("a.nix", Cluster() + Cert("www.example.org"));
        var b = Host("b.nix", Cluster(endpoints, prefix) + Cert(name, extra: "domain = \"www.example.org\";"));
        Assert.Single(Findings(Lint(a, b), LintCodes.DuplicateCertificateAcrossHosts));
    }

    [Fact]
    public void One_host_alone_makes_no_fleet_finding()
    {
        var a = Host("a.nix", Cert("www.example.org") + Cert("www2", extra: "domain = \"www.example.org\";"));
        var run = Lint(a);
        Assert.Empty(Findings(run, LintCodes.DuplicateCertificateAcrossHosts));
        Assert.Single(Findings(run, LintCodes.DuplicateCertificate));
    }

    private static string Certs(string prefix, int count) =>
        string.Concat(Enumerable.Range(1, count).Select(i => Cert($"{prefix}{i}.example.co.uk")));

    [Fact]
    public void More_than_50_certificates_per_registered_domain_across_hosts_is_a_warning()
    {
        var a = Host("a.nix", Certs("a", 30));
        var b = Host("b.nix", Certs("b", 21));
        var run = Lint(a, b);
        var finding = Assert.Single(Findings(run, LintCodes.TooManyCertificatesPerDomainAcrossHosts));
        Assert.Equal("2 hosts order 51 certificates with names under example.co.uk; Let's Encrypt issues at most 50 new certificates per registered domain every 7 days (\"b9.example.co.uk\" is the first beyond that)",
            (string)finding["message"]!);
        Assert.Equal((string)finding["file"]!, b);
        var related = Assert.Single(finding["notes"]!.AsArray(), n => n!["file"] is not null)!;
        Assert.Equal((a, "30 certificates under example.co.uk on this host, the first here"), ((string)related["file"]!, (string)related["message"]!));
        Assert.Empty(Findings(run, LintCodes.TooManyCertificatesPerDomain));
    }

    [Fact]
    public void Fifty_across_hosts_a_shared_cluster_and_one_host_over_the_limit_on_its_own_are_not_fleet_findings()
    {
        Assert.Empty(Findings(Lint(Host("a.nix", Certs("a", 30)), Host("b.nix", Certs("b", 20))), LintCodes.TooManyCertificatesPerDomainAcrossHosts));

        // The same 30 names through one cluster are ordered once: 30 + 21 shared = 51 would be 60 apart.
        var shared = Cluster() + Certs("a", 30);
        Assert.Empty(Findings(Lint(Host("c.nix", shared), Host("d.nix", shared + Certs("d", 20))), LintCodes.TooManyCertificatesPerDomainAcrossHosts));

        var run = Lint(Host("e.nix", Certs("e", 51)), Host("f.nix", Certs("f", 1)));
        Assert.Empty(Findings(run, LintCodes.TooManyCertificatesPerDomainAcrossHosts));
        Assert.Single(Findings(run, LintCodes.TooManyCertificatesPerDomain));
    }

    [Fact]
    public void One_name_validated_differently_on_two_hosts_is_a_warning_at_each_challenge()
    {
        var a = Host("a.nix", Cert("example.org", "dnsProvider = \"cloudflare\";", "extraDomainNames = [ \"www.example.org\" ];"));
        var b = Host("b.nix", Cert("www.example.org", "dnsProvider = \"inwx\";"));
        var run = Lint(a, b);
        var finding = Assert.Single(Findings(run, LintCodes.ConflictingChallengesAcrossHosts));
        Assert.Equal("2 hosts validate www.example.org with different challenges (DNS-01 (cloudflare) and DNS-01 (inwx); DNS-01 (cloudflare) here): the name's DNS zone and traffic can match only one of them, so the other hosts' orders fail",
            (string)finding["message"]!);
        Assert.Equal((a, 5), ((string)finding["file"]!, (int)finding["line"]!));
        var related = Assert.Single(finding["notes"]!.AsArray(), n => n!["file"] is not null)!;
        Assert.Equal((b, 5, "validated over DNS-01 (inwx) here (\"www.example.org\")"), ((string)related["file"]!, (int)related["line"]!, (string)related["message"]!));

        var http = Host("c.nix", Cert("www.example.org"));
        Assert.Contains("(DNS-01 (inwx) and HTTP-01;", (string)Assert.Single(Findings(Lint(b, http), LintCodes.ConflictingChallengesAcrossHosts))["message"]!);
    }

    [Fact]
    public void The_same_challenge_on_every_host_is_quiet()
    {
        var a = Host("a.nix", Cluster() + Cert("www.example.org", "dnsProvider = \"cloudflare\";"));
        var b = Host("b.nix", Cluster() + Cert("www.example.org", "dnsProvider = \"cloudflare\";"));
        var run = Lint(a, b);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stdout);
        Assert.Equal(0, (int)JsonNode.Parse(run.Stdout)!["warnings"]!);
    }

    [Fact]
    public void The_output_does_not_depend_on_the_order_of_the_files()
    {
        var hosts = new[] { "c.nix", "a.nix", "b.nix" }.Select(n => Host(n, Cert("www.example.org", n == "b.nix" ? "dnsProvider = \"inwx\";" : "listenHTTP = \":80\";"))).ToArray();
        var forward = Lint(hosts);
        Assert.Equal(forward.Stdout, Lint([.. hosts.Reverse()]).Stdout);
        Assert.Single(Findings(forward, LintCodes.DuplicateCertificateAcrossHosts));
        Assert.Single(Findings(forward, LintCodes.ConflictingChallengesAcrossHosts));
    }
}
