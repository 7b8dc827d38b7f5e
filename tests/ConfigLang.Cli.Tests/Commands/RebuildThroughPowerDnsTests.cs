using System.Security.Cryptography.X509Certificates;
using ConfigLang.Acme.Tests.Testbed;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// <c>configlang rebuild</c> with <c>dnsProvider = "pdns"</c> against a real PowerDNS: a private
/// testbed whose zone is served by <c>pdns_server</c> (sqlite3 backend, HTTP API on loopback) and
/// whose pebble resolves through it (the shared testbed's pebble asks knot, so this one has its
/// own). A wildcard and its base name are validated together, through one TXT RRset.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RebuildThroughPowerDnsTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("configlang-rebuild-pdns-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task A_wildcard_certificate_is_issued_through_the_PowerDNS_API_and_the_records_are_removed()
    {
        await using var testbed = await Testbed.StartAsync(new Dictionary<string, string> { ["TESTBED_DNS_SERVER"] = "pdns" });
        string Env(string name) => testbed.Env[name];
        Assert.Equal("pdns", Env("ACME_DNS_SERVER_KIND"));
        var zone = Env("ACME_DNS_ZONE");
        var domain = $"pd-{Guid.NewGuid():N}"[..11] + "." + zone;
        var root = Path.Combine(_work.FullName, "root");
        var secrets = Directory.CreateDirectory(Path.Combine(root, "run", "secrets"));
        // The URL in the environment file, the key in a credential file, both readable by root only.
        var environmentFile = Path.Combine(secrets.FullName, "pdns.env");
        var keyFile = Path.Combine(secrets.FullName, "pdns-api-key");
        SecretFile.Write(environmentFile, $"PDNS_API_URL={Env("ACME_PDNS_API_URL")}\nPDNS_TTL=5\n");
        SecretFile.Write(keyFile, Env("ACME_PDNS_API_KEY") + "\n");
        var host = Path.Combine(_work.FullName, "host.nix");
        File.WriteAllText(host, $$"""
            {
              security.acme = {
                acceptTerms = true;
                defaults.email = "admin@{{zone}}";
                defaults.server = "{{Env("ACME_DIRECTORY_URL")}}";
                certs."{{domain}}" = {
                  extraDomainNames = [ "*.{{domain}}" ];
                  dnsProvider = "pdns";
                  # Wait until PowerDNS itself answers with the values.
                  dnsResolver = "{{Env("ACME_DNS_SERVER")}}";
                  environmentFile = "/run/secrets/pdns.env";
                  credentialFiles.PDNS_API_KEY_FILE = "/run/secrets/pdns-api-key";
                };
              };
            }
            """);

        var run = CliRun.Invoke("rebuild", host, "--root", root, "--service-manager", "none", "--ca-file", Env("ACME_HTTPS_CA_CERT"));

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        using var leaf = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(root, "var", "lib", "acme", domain, "fullchain.pem")));
        Assert.Equal([domain, "*." + domain], SubjectAlternativeNames(leaf));
        Assert.Contains("Pebble", leaf.Issuer);
        Assert.DoesNotContain(Env("ACME_PDNS_API_KEY"), run.Stdout + run.Stderr);
        // Cleanup removed both values, and with them the RRset.
        var txt = await DnsQuery.TxtAsync(testbed.DnsServer, $"_acme-challenge.{domain}.");
        Assert.Empty(txt);
    }

    private static string[] SubjectAlternativeNames(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames().ToArray();
}
