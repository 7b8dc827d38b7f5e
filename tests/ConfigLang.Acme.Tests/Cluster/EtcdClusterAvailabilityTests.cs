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
    public async Task Waiters_queued_on_a_member_that_goes_down_still_get_the_lock_and_store_once_each()
    {
        await using var etcd = await EtcdTestCluster.StartAsync();
        var prefix = ClusterHost.NewPrefix();
        await using var hostA = new ClusterHost(etcd, prefix);
        await using var hostB = new ClusterHost(etcd, prefix, hostA.Key);
        var a = await hostA.ConnectAsync();
        var b = await hostB.ConnectAsync();
        var names = Enumerable.Range(1, 9).Select(i => $"queued{i}.example.test").ToArray();

        // A holds every name; B's waits are spread round robin, so some wait on member 1, which
        // is the first member started and most often the leader: it goes down while they wait.
        var held = new List<IClusterLock>();
        foreach (var name in names) held.Add(await a.LockAsync(name, CancellationToken.None));
        var waits = names.Select(n => b.LockAsync(n, CancellationToken.None)).ToArray();
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await etcd.StopMemberAsync(1);
        foreach (var (name, lockA) in names.Zip(held))
        {
            await lockA.StoreAsync(ClusterHost.Certificate(name, "host-a"), CancellationToken.None);
            await lockA.DisposeAsync();
        }

        foreach (var (name, wait) in names.Zip(waits))
        {
            await using var lockB = await wait.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal("host-a", (await lockB.ReadAsync(CancellationToken.None))!.StoredBy);
            await lockB.StoreAsync(ClusterHost.Certificate(name, "host-b"), CancellationToken.None);
        }
        Assert.All(names, n => Assert.Equal("host-b", b.PeekAsync(n, CancellationToken.None).Result!.StoredBy));
    }

    [Fact]
    public async Task A_call_made_while_its_only_member_restarts_waits_for_it_instead_of_failing()
    {
        await using var etcd = await EtcdTestCluster.StartAsync();
        var prefix = ClusterHost.NewPrefix();
        await using var writer = new ClusterHost(etcd, prefix);
        await using (var held = await (await writer.ConnectAsync()).LockAsync("restart.example.test", CancellationToken.None))
        {
            await held.StoreAsync(ClusterHost.Certificate("restart.example.test"), CancellationToken.None);
        }
        // A host that knows only member 1: the channel's own retries all go to it.
        await using var host = new ClusterHost([etcd.Endpoints[0]], prefix, writer.Key);
        var cluster = await host.ConnectAsync();
        await etcd.StopMemberAsync(1);

        var clock = Stopwatch.StartNew();
        var peek = cluster.PeekAsync("restart.example.test", CancellationToken.None);
        // Longer than every retry the channel makes by itself (100 + 200 + 400 + 800 ms at most).
        await Task.Delay(TimeSpan.FromMilliseconds(1600));
        Assert.False(peek.IsCompleted, peek.IsFaulted ? peek.Exception!.InnerException!.Message : "it completed while its only member was down");
        await etcd.StartMemberAsync(1);

        Assert.Equal("host-a", (await peek)!.StoredBy);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, EtcdConnection.FailoverWindow);
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
        using var refusing = new RefusingPort();
        var port = refusing.Port;
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
