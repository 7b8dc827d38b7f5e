using System.Security.Cryptography.X509Certificates;
using ConfigLang.Acme.Tests.Testbed;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// What rebuild prints in a log, against the real testbed: the steps in words (no executor event
/// names), under <c>--service-manager none</c> no claim that anything was reloaded, and on the
/// next run the kept certificate's expiry in the NOT AFTER column, as preview shows it.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RebuildOutputTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("configlang-rebuild-out-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task A_log_reads_as_sentences_nothing_is_claimed_reloaded_and_a_kept_certificate_shows_its_expiry()
    {
        await using var testbed = Testbed.FromEnvironment() ?? await Testbed.StartAsync();
        var zone = testbed.Env["ACME_DNS_ZONE"];
        var domain = $"out-{Guid.NewGuid():N}"[..12] + "." + zone;
        var root = Path.Combine(_work.FullName, "root");
        RebuildAgainstTestbedTests.WriteRfc2136Secrets(root, testbed);
        var host = Path.Combine(_work.FullName, "host.nix");
        File.WriteAllText(host, $$"""
            { config, ... }:
            {
              security.acme = {
                acceptTerms = true;
                defaults.email = "admin@{{zone}}";
                defaults.server = "{{testbed.Env["ACME_DIRECTORY_URL"]}}";
                certs."{{domain}}" = {
                  group = config.services.nginx.group;
                  dnsProvider = "rfc2136";
                  dnsPropagationCheck = false;
                  environmentFile = "/run/secrets/rfc2136.env";
                };
              };
              services.nginx = {
                enable = true;
                virtualHosts."{{domain}}" = { forceSSL = true; useACMEHost = "{{domain}}"; };
              };
            }
            """);
        string[] args = ["rebuild", host, "--root", root, "--service-manager", "none", "--ca-file", testbed.Env["ACME_HTTPS_CA_CERT"]];

        var first = CliRun.Invoke(args);

        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        Assert.Contains($"{domain}: ordering (issue: no certificate on disk)\n", first.Stderr);
        Assert.Contains($"{domain}: answering dns-01 challenge for {domain}\n", first.Stderr);
        Assert.Contains($"{domain}: waiting for the CA to validate {domain}\n", first.Stderr);
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(domain)}: done in \d+\.\d s \(installed, valid until ", first.Stderr);
        Assert.DoesNotContain("ChallengeCleanedUp", first.Stderr);
        Assert.DoesNotContain("OrderCreated", first.Stderr);
        Assert.Contains("\nnot reloaded (--service-manager none), would reload: nginx.service\n", first.Stdout);
        Assert.DoesNotContain("\nreloaded:", first.Stdout);
        Assert.Contains("would reload nginx.service (--service-manager none reloads nothing)", first.Stderr);

        var second = CliRun.Invoke(args);

        Assert.True(second.ExitCode == 0, second.Stdout + second.Stderr);
        using var leaf = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(root, "var", "lib", "acme", domain, "cert.pem")));
        var notAfter = leaf.NotAfter.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Matches($@"\n{System.Text.RegularExpressions.Regex.Escape(domain)}\s+keep\s+unchanged\s+{notAfter}\s", second.Stdout);
    }
}
