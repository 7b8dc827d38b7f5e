using System.Diagnostics;
using ConfigLang.Acme.Cluster;
using ConfigLang.TestSupport;

namespace ConfigLang.Acme.Tests.Cluster;

/// <summary>Members going down, each test on a cluster of its own: one down goes unnoticed, none reachable fails quickly naming the endpoints.</summary>
public sealed class EtcdClusterAvailabilityTests
{
    [Fact]
    public async Task With_one_of_three_members_down_everything_works_even_when_it_goes_down_while_a_lock_is_held()
    {
        await using var etcd = await EtcdTestCluster.StartAsync();
        var prefix = ClusterHost.NewPrefix();
        await using var hostA = new ClusterHost(etcd, prefix);
        await using var hostB = new ClusterHost(etcd, prefix, hostA.Key);
        var a = await hostA.ConnectAsync();

        // Member 2 goes down while A holds the lock, for longer than the lock's TTL: the
        // keep-alive reaches the others, so A still holds the lock when it stores.
        var held = await a.LockAsync("down.example.test", CancellationToken.None);
        await etcd.StopMemberAsync(2);
        await Task.Delay(TimeSpan.FromSeconds(6));
        await held.StoreAsync(ClusterHost.Certificate("down.example.test"), CancellationToken.None);
        await held.DisposeAsync();

        // The first endpoint down from the start.
        await etcd.StartMemberAsync(2);
        await etcd.StopMemberAsync(1);
        var b = await hostB.ConnectAsync();
        Assert.Equal("host-a", (await b.PeekAsync("down.example.test", CancellationToken.None))!.StoredBy);
        await using (var heldByB = await b.LockAsync("down.example.test", CancellationToken.None))
        {
            await heldByB.StoreAsync(ClusterHost.Certificate("down.example.test", "host-b"), CancellationToken.None);
        }
        Assert.Equal("host-b", (await a.PeekAsync("down.example.test", CancellationToken.None))!.StoredBy);
        Assert.Equal("account", await b.GetOrStoreAccountKeyAsync(new("https://acme.test/dir", ConfigLang.Acme.Model.KeyType.Ec256, null), "account", CancellationToken.None));
    }

    [Fact]
    public async Task With_no_member_reachable_connecting_and_every_call_fail_within_seconds_naming_the_endpoints()
    {
        await using var etcd = await EtcdTestCluster.StartAsync();
        await using var host = new ClusterHost(etcd, ClusterHost.NewPrefix());
        var connected = await host.ConnectAsync();
        await etcd.StopAllAsync();
        var endpoints = string.Join(", ", etcd.Endpoints.Select(e => e.GetLeftPart(UriPartial.Authority)));

        var clock = Stopwatch.StartNew();
        var connect = await Assert.ThrowsAsync<ClusterException>(() => host.ConnectAsync());
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(8));
        Assert.Contains(endpoints, connect.Message);

        clock.Restart();
        var locking = await Assert.ThrowsAsync<ClusterException>(() => connected.LockAsync("gone.example.test", CancellationToken.None));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(12));
        Assert.Contains(endpoints, locking.Message);
        var peek = await Assert.ThrowsAsync<ClusterException>(() => connected.PeekAsync("gone.example.test", CancellationToken.None));
        Assert.Contains(endpoints, peek.Message);
    }

    [Fact]
    public async Task An_address_where_nothing_listens_fails_within_seconds_naming_it()
    {
        var port = FreePorts.Take(1)[0];
        await using var host = new ClusterHost([new Uri($"http://127.0.0.1:{port}")], ClusterHost.NewPrefix());
        var clock = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<ClusterException>(() => host.ConnectAsync());
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(8));
        Assert.StartsWith($"no etcd member is reachable at http://127.0.0.1:{port}:", failure.Message);
    }

    [Fact]
    public async Task Mutual_tls_works_with_the_client_certificate_and_fails_clearly_without_it()
    {
        await using var etcd = await EtcdTestCluster.StartAsync(tls: true);
        var prefix = ClusterHost.NewPrefix();
        await using var host = new ClusterHost(etcd, prefix);
        var cluster = await host.ConnectAsync();
        await using (var held = await cluster.LockAsync("tls.example.test", CancellationToken.None))
        {
            await held.StoreAsync(ClusterHost.Certificate("tls.example.test"), CancellationToken.None);
            Assert.NotNull(await held.ReadAsync(CancellationToken.None));
        }

        host.Settings = host.Settings with { CertFile = null, KeyFile = null };
        var withoutCertificate = await Assert.ThrowsAsync<ClusterException>(() => host.ConnectAsync());
        Assert.Contains(string.Join(", ", etcd.Endpoints.Select(e => e.GetLeftPart(UriPartial.Authority))), withoutCertificate.Message);

        host.Settings = host.Settings with { CaFile = "/run/secrets/missing-ca.pem" };
        var missingCa = await Assert.ThrowsAsync<ClusterException>(() => host.ConnectAsync());
        Assert.StartsWith($"the cluster's caFile {Path.Combine(host.Root, "run/secrets/missing-ca.pem")} cannot be read", missingCa.Message);
    }
}
