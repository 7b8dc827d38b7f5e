using System.Security.Cryptography;
using ConfigLang.TestSupport;

namespace ConfigLang.Cli.Tests.Cluster;

/// <summary>
/// <c>rebuild</c> connects to <c>security.acme.cluster</c> before it writes anything: an
/// encryption key file absent under <c>--root</c> (which lint, run without secrets, does not
/// judge) or no reachable member stops it with exit 3 and a sentence naming the file or the
/// endpoint, leaving no nginx.conf, no units and no certificate state behind.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RebuildConnectsToClusterFirstTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("configlang-cluster-first-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Root => Path.Combine(_dir.FullName, "root");

    private string KeyFile => Path.Combine(Root, "run", "secrets", "acme-cluster.key");

    /// <summary>nginx serving a DNS-01 certificate, in a cluster at <paramref name="endpoint"/>.</summary>
    private string Host(string endpoint)
    {
        var path = Path.Combine(_dir.FullName, "host.nix");
        File.WriteAllText(path, $$"""
            {
              security.acme.acceptTerms = true;
              security.acme.defaults.email = "ops@example.org";
              security.acme.certs."example.org" = { dnsProvider = "cloudflare"; group = "nginx"; };
              security.acme.cluster = {
                enable = true;
                endpoints = [ "{{endpoint}}" ];
                encryptionKeyFile = "/run/secrets/acme-cluster.key";
              };
              networking.firewall.allowedTCPPorts = [ 443 ];
              services.nginx = {
                enable = true;
                virtualHosts."example.org" = { forceSSL = true; useACMEHost = "example.org"; };
              };
            }
            """);
        return path;
    }

    private void AssertNothingGenerated()
    {
        Assert.False(File.Exists(Path.Combine(Root, "etc", "nginx", "nginx.conf")), "nginx.conf was written");
        var units = Path.Combine(Root, "etc", "systemd", "system");
        Assert.False(Directory.Exists(units) && Directory.EnumerateFileSystemEntries(units, "*", SearchOption.AllDirectories).Any(), "units were written");
        Assert.False(Directory.Exists(Path.Combine(Root, "var", "lib", "acme")), "certificate state was written");
    }

    [Fact]
    public void An_encryption_key_file_absent_under_the_root_stops_rebuild_before_nginx_conf_and_the_units_are_written()
    {
        Directory.CreateDirectory(Root);
        // No member is needed: the key file is read before the first connection.
        var run = CliRun.Invoke("rebuild", Host("http://127.0.0.1:1"), "--root", Root, "--service-manager", "none");

        Assert.True(run.ExitCode == ExitCodes.ExecutionFailure, run.Stderr);
        Assert.Contains($"error: security.acme.cluster: the cluster's encryption key file {KeyFile} does not exist", run.Stderr);
        Assert.DoesNotContain("nginx: wrote", run.Stderr);
        AssertNothingGenerated();
    }

    [Fact]
    public void A_cluster_without_a_reachable_member_stops_rebuild_before_anything_is_generated_naming_the_endpoint()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        SecretFile.Write(KeyFile, key + "\n");
        using var refusing = new RefusingPort();
        var endpoint = $"http://127.0.0.1:{refusing.Port}";

        var run = CliRun.Invoke("rebuild", Host(endpoint), "--root", Root, "--service-manager", "none");

        Assert.True(run.ExitCode == ExitCodes.ExecutionFailure, run.Stderr);
        // "is reachable at" when refused, "at … answered within" when the probe's deadline came first.
        Assert.Contains("error: security.acme.cluster: no etcd member ", run.Stderr);
        Assert.Contains(endpoint, run.Stderr);
        Assert.DoesNotContain(key, run.Stdout + run.Stderr);
        AssertNothingGenerated();
    }
}
