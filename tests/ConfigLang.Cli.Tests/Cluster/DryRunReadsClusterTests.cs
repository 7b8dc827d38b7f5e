using System.Security.Cryptography;
using System.Text.Json;
using ConfigLang.Acme.Cluster;
using ConfigLang.Acme.Model;
using ConfigLang.TestSupport;

namespace ConfigLang.Cli.Tests.Cluster;

/// <summary>
/// <c>rebuild --dry-run</c> and <c>renew --dry-run</c> of a host in a cluster, against a real
/// etcd: the plan says, as preview's does, which certificates the cluster would supply instead of
/// an order, and the run writes nothing anywhere (the whole etcd keyspace, its leases and the
/// root are as they were). An unreachable cluster gives the plan without it and says that rebuild
/// would stop there.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DryRunReadsClusterTests : IDisposable
{
    private const string KeyFile = "/run/secrets/acme-cluster.key";
    private const string Stored = "stored.example.org";
    private const string Fresh = "fresh.example.org";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("configlang-dry-run-cluster-");
    private readonly string _prefix = "/dry-run-" + Guid.NewGuid().ToString("N")[..8];

    public void Dispose() => _dir.Delete(recursive: true);

    private string Root => Path.Combine(_dir.FullName, "root");

    /// <summary>The root holding only the cluster key (0600).</summary>
    private void WriteKey() =>
        SecretFile.Write(Path.Combine(Root, "run", "secrets", "acme-cluster.key"), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n");

    /// <summary>Two DNS-01 certificates in a cluster at <paramref name="endpoints"/>.</summary>
    private string Host(IEnumerable<Uri> endpoints)
    {
        var path = Path.Combine(_dir.FullName, "host.nix");
        File.WriteAllText(path, $$"""
            {
              security.acme.acceptTerms = true;
              security.acme.defaults.email = "ops@example.org";
              security.acme.defaults.dnsProvider = "cloudflare";
              security.acme.certs."{{Stored}}" = { };
              security.acme.certs."{{Fresh}}" = { };
              security.acme.cluster = {
                enable = true;
                endpoints = [ {{string.Join(' ', endpoints.Select(e => $"\"{e.GetLeftPart(UriPartial.Authority)}\""))}} ];
                prefix = "{{_prefix}}";
                encryptionKeyFile = "{{KeyFile}}";
              };
            }
            """);
        return path;
    }

    /// <summary>What another host of the cluster stored for <see cref="Stored"/>: a usable certificate.</summary>
    private async Task StoreAsAnotherHostAsync(EtcdTestCluster etcd)
    {
        var settings = new ClusterSettings(etcd.Endpoints, _prefix, KeyFile, TimeSpan.FromSeconds(5));
        await using var cluster = await new EtcdCertificateClusterFactory().ConnectAsync(settings, Root, CancellationToken.None);
        var notAfter = DateTimeOffset.UtcNow.AddDays(60);
        notAfter = new DateTimeOffset(notAfter.UtcTicks - notAfter.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var material = IssuedCertificates.Issue([Stored], DateTimeOffset.UtcNow.AddDays(-1), notAfter);
        await using var held = await cluster.LockAsync(Stored, CancellationToken.None);
        await held.StoreAsync(new SharedCertificate(material, [Stored], KeyType.Ec256, notAfter, "host-a"), CancellationToken.None);
    }

    /// <summary>The store's revision (any write moves it), every key and value, and every lease (a lock makes one).</summary>
    private static async Task<string> EtcdStateAsync(EtcdTestCluster etcd)
    {
        var all = JsonDocument.Parse(await etcd.EtcdctlAsync("get", "", "--prefix", "--write-out=json")).RootElement;
        var kvs = all.TryGetProperty("kvs", out var found) ? found.EnumerateArray().Select(kv => $"{kv.GetProperty("key")}={kv.GetProperty("value")}") : [];
        return $"revision {all.GetProperty("header").GetProperty("revision")}\n{string.Join("\n", kvs)}\nleases: {await etcd.EtcdctlAsync("lease", "list")}";
    }

    /// <summary>Every file and folder under the root, with the content of files.</summary>
    private string RootState() => string.Join("\n", Directory.GetFileSystemEntries(Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
        .Select(e => File.Exists(e) ? e + "=" + File.ReadAllText(e) : e + "/"));

    private static string Row(string stdout, string name) => stdout.Split('\n').Single(l => l.StartsWith(name + " ", StringComparison.Ordinal));

    [Theory]
    [InlineData("rebuild")]
    [InlineData("renew")]
    public async Task A_dry_run_shows_what_the_cluster_would_supply_and_writes_nothing_anywhere(string command)
    {
        await using var etcd = await EtcdTestCluster.StartAsync();
        WriteKey();
        await StoreAsAnotherHostAsync(etcd);
        var host = Host(etcd.Endpoints);
        var etcdBefore = await EtcdStateAsync(etcd);
        var rootBefore = RootState();

        var text = CliRun.Invoke(command, host, "--root", Root, "--dry-run", "--service-manager", "none");
        var json = CliRun.Invoke(command, host, "--root", Root, "--dry-run", "--service-manager", "none", "--format", "json");

        Assert.True(text.ExitCode == ExitCodes.Ok, text.Stderr);
        Assert.Contains("CLUSTER", text.Stdout.Split('\n')[0]);
        Assert.Contains("usable (stored by host-a)", Row(text.Stdout, Stored));
        Assert.Contains("none stored", Row(text.Stdout, Fresh));
        Assert.True(json.ExitCode == ExitCodes.Ok, json.Stderr);
        var plan = JsonDocument.Parse(json.Stdout).RootElement;
        Assert.True(plan.GetProperty("cluster").GetProperty("reachable").GetBoolean());
        var certificates = plan.GetProperty("certificates").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(("issue", true, "host-a"), (certificates[Stored].GetProperty("action").GetString(),
            certificates[Stored].GetProperty("cluster").GetProperty("usable").GetBoolean(), certificates[Stored].GetProperty("cluster").GetProperty("storedBy").GetString()));
        Assert.False(certificates[Fresh].GetProperty("cluster").GetProperty("stored").GetBoolean());

        // No key, no lock, no lease in etcd; no file under the root.
        Assert.Equal(etcdBefore, await EtcdStateAsync(etcd));
        Assert.Equal(rootBefore, RootState());
    }

    [Fact]
    public void A_dry_run_with_no_reachable_member_shows_the_plan_without_the_cluster_and_says_rebuild_would_stop()
    {
        WriteKey();
        using var refusing = new RefusingPort();
        var endpoint = new Uri($"http://127.0.0.1:{refusing.Port}");
        var rootBefore = RootState();

        var run = CliRun.Invoke("rebuild", Host([endpoint]), "--root", Root, "--dry-run", "--service-manager", "none");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        Assert.Contains("warning: cluster: no etcd member ", run.Stderr);
        Assert.Contains(endpoint.GetLeftPart(UriPartial.Authority), run.Stderr);
        Assert.Contains("rebuild would stop here (exit 3) before writing anything", run.Stderr);
        Assert.Contains("the plan is shown without it", run.Stdout);
        Assert.Contains("issue", Row(run.Stdout, Fresh));
        Assert.Equal(rootBefore, RootState());
    }
}
