using ConfigLang.Acme.Cluster;
using ConfigLang.Acme.Execution;
using ConfigLang.Acme.Model;
using ConfigLang.Acme.Storage;
using ConfigLang.Acme.Tests.Cluster;
using ConfigLang.Acme.Tests.Testbed;

namespace ConfigLang.Acme.Tests.Execution;

/// <summary>
/// The executor handed a cluster connected through <see cref="EtcdCertificateClusterFactory"/>, as
/// the CLI connects it, against a real etcd and real pebble certificates: hosts order each name
/// once, and a host orders again later with the account key the cluster gave it.
/// </summary>
[Collection(SharedTestbedCollection.Name)]
public sealed class ClusterExecutionThroughEtcdTests(SharedTestbedFixture testbed, EtcdClusterFixture etcd) : IClassFixture<EtcdClusterFixture>
{
    private Testbed.Testbed Bed => testbed.Testbed;

    private CertificateRequest Request(string name) => new()
    {
        Name = name,
        Domains = [Identifier.Dns(name)],
        Challenge = new ChallengeSettings { Kind = ChallengeKind.Http01, ListenHttp = $"127.0.0.1:{Bed.Http01Port}" },
        Server = Bed.DirectoryUrl.AbsoluteUri, Email = "admin@example.test", Group = "acme",
        SourceTag = new SourceSite("tag:" + name, 1, 1),
    };

    /// <summary>One run of <paramref name="host"/>, connected for the run and disconnected after it, as <c>configlang rebuild</c> does.</summary>
    private async Task<RebuildSummary> RunAsync(ClusterHost host, string name, params CertificateRequest[] requests)
    {
        await using var cluster = await new EtcdCertificateClusterFactory().ConnectAsync(host.Settings, host.Root, CancellationToken.None);
        var summary = await new PlanExecutor(host.Root, TimeProvider.System, PlanExecutor.ClientsTrusting(Bed.HttpsCa), new NoServiceManager())
            .RunAsync(requests, ExecutorRequests.Options(jobs: 1) with { Groups = [new("acme")], Cluster = cluster, HostName = name });
        Assert.True(summary.ExitCode == 0, string.Join("; ", summary.OtherErrors.Concat(summary.Certificates.Select(c => c.Error?.Message))));
        return summary;
    }

    private static string AccountKey(ClusterHost host) =>
        File.ReadAllText(Assert.Single(Directory.GetFiles(new StateLayout(host.Root).AccountsDirectory, AccountStore.KeyFile, SearchOption.AllDirectories)));

    [Fact]
    public async Task Hosts_order_each_name_once_and_order_again_later_with_the_shared_account()
    {
        var prefix = ClusterHost.NewPrefix();
        await using var a = new ClusterHost(etcd.Etcd, prefix);
        await using var b = new ClusterHost(etcd.Etcd, prefix, a.Key);
        var first = Request(Bed.UniqueName("etcd1"));
        var second = Request(Bed.UniqueName("etcd2"));
        var third = Request(Bed.UniqueName("etcd3"));

        Assert.Equal(1, (await RunAsync(a, "a", first)).Orders);
        var onB = await RunAsync(b, "b", first, second);
        Assert.Equal(1, onB.Orders);
        Assert.Equal(CertificateOutcomeKind.InstalledFromCluster, onB.Certificates.Single(c => c.Name == first.Name).Kind);
        // a's second run orders with the key on its disk, which is the cluster's.
        var again = await RunAsync(a, "a", first, second, third);

        Assert.Equal(1, again.Orders);
        Assert.Equal(CertificateOutcomeKind.InstalledFromCluster, again.Certificates.Single(c => c.Name == second.Name).Kind);
        Assert.Equal(AccountKey(a), AccountKey(b));
    }
}
