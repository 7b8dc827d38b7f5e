using System.Diagnostics;
using ConfigLang.Acme.Cluster;

namespace ConfigLang.Acme.Tests.Cluster;

/// <summary>Locks per certificate against the real three-member cluster: exclusion, release, takeover after a holder dies.</summary>
[Collection(EtcdClusterCollection.Name)]
public sealed class EtcdClusterLockTests(EtcdClusterFixture fixture)
{
    [Fact]
    public async Task A_lock_excludes_a_second_holder_until_it_is_released()
    {
        var prefix = ClusterHost.NewPrefix();
        await using var hostA = new ClusterHost(fixture.Etcd, prefix);
        await using var hostB = new ClusterHost(fixture.Etcd, prefix, hostA.Key);
        var a = await hostA.ConnectAsync();
        var b = await hostB.ConnectAsync();

        var heldByA = await a.LockAsync("pool.example.test", CancellationToken.None);
        var waitingB = b.LockAsync("pool.example.test", CancellationToken.None);
        // Another certificate's lock is independent.
        await using (await b.LockAsync("other.example.test", CancellationToken.None))
        {
        }
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.False(waitingB.IsCompleted, "host B got the lock while host A held it");

        await heldByA.DisposeAsync();
        var heldByB = await waitingB.WaitAsync(TimeSpan.FromSeconds(5));
        await heldByB.DisposeAsync();
    }

    [Fact]
    public async Task A_waiter_that_gives_up_leaves_no_trace_in_the_queue()
    {
        var prefix = ClusterHost.NewPrefix();
        await using var host = new ClusterHost(fixture.Etcd, prefix);
        var cluster = await host.ConnectAsync();
        var held = await cluster.LockAsync("queue.example.test", CancellationToken.None);
        using (var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cluster.LockAsync("queue.example.test", giveUp.Token));
        }
        var next = cluster.LockAsync("queue.example.test", CancellationToken.None);
        await held.DisposeAsync();
        // The cancelled waiter's key went with its revoked lease: the next one is not stuck behind it.
        await using var heldByNext = await next.WaitAsync(TimeSpan.FromSeconds(3));
        Assert.Single((await fixture.Etcd.EtcdctlAsync("get", "--prefix", "--keys-only", prefix + "/locks/"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_holder_that_stops_keeping_its_lease_alive_loses_the_lock_after_the_ttl_and_cannot_store_any_more()
    {
        var prefix = ClusterHost.NewPrefix();
        var ttl = TimeSpan.FromSeconds(5);
        await using var hostA = new ClusterHost(fixture.Etcd, prefix, lockTtl: ttl);
        await using var hostB = new ClusterHost(fixture.Etcd, prefix, hostA.Key, ttl);
        var a = await hostA.ConnectAsync();
        var b = await hostB.ConnectAsync();

        // The lease is granted after this clock starts, and etcd ends it no sooner than a TTL after
        // its grant or last keep-alive: so B's wait is at least the TTL on this clock, however slow
        // A's lock call was (from after it, a slow call left less of the TTL to wait).
        var sinceBeforeTheGrant = Stopwatch.StartNew();
        var heldByA = (EtcdClusterLock)await a.LockAsync("dying.example.test", CancellationToken.None);
        var sinceAbandoned = Stopwatch.StartNew();
        await heldByA.AbandonAsync();
        await using var heldByB = await b.LockAsync("dying.example.test", CancellationToken.None).WaitAsync(ttl + TimeSpan.FromSeconds(5));
        Assert.True(sinceBeforeTheGrant.Elapsed >= ttl, $"B got the lock {sinceBeforeTheGrant.Elapsed} after A asked for it, within the TTL");
        Assert.True(sinceAbandoned.Elapsed <= ttl + TimeSpan.FromSeconds(5), $"B got the lock {sinceAbandoned.Elapsed} after A stopped its keep-alive");

        var fromB = ClusterHost.Certificate("dying.example.test", "host-b");
        await heldByB.StoreAsync(fromB, CancellationToken.None);
        var lost = await Assert.ThrowsAsync<ClusterException>(() =>
            heldByA.StoreAsync(ClusterHost.Certificate("dying.example.test", "host-a"), CancellationToken.None));
        Assert.Contains("lock of certificate dying.example.test was lost", lost.Message);
        Assert.Equal("host-b", (await heldByB.ReadAsync(CancellationToken.None))!.StoredBy);
    }

    [Fact]
    public async Task A_process_holding_the_lock_through_this_code_killed_with_sigkill_loses_it_after_the_ttl()
    {
        var prefix = ClusterHost.NewPrefix();
        var ttl = TimeSpan.FromSeconds(5);
        await using var holderHost = new ClusterHost(fixture.Etcd, prefix, lockTtl: ttl);
        await using var waiterHost = new ClusterHost(fixture.Etcd, prefix, holderHost.Key, ttl);
        var waiter = await waiterHost.ConnectAsync();
        using var holder = await LockHolderProcess.StartAsync(holderHost, "child.example.test");
        try
        {
            var waiting = waiter.LockAsync("child.example.test", CancellationToken.None);
            // Longer than the TTL: the child's keep-alive holds the lock for as long as it lives.
            await Task.Delay(ttl + TimeSpan.FromSeconds(2));
            Assert.False(waiting.IsCompleted, "the lock was granted while the child process held it");
            var clock = Stopwatch.StartNew();
            holder.Kill();   // SIGKILL of the process we started, by its PID: no release, no revoke
            await using var held = await waiting.WaitAsync(ttl + TimeSpan.FromSeconds(5));
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), ttl + TimeSpan.FromSeconds(5));
            await held.StoreAsync(ClusterHost.Certificate("child.example.test", "waiter"), CancellationToken.None);
        }
        finally
        {
            if (!holder.HasExited) holder.Kill();
        }
    }

    [Fact]
    public async Task A_holder_process_killed_with_sigkill_loses_the_lock_after_its_ttl()
    {
        // etcdctl's lock is the same recipe as etcd's lock service (a key per holder under the
        // lock's name, bound to the holder's lease): a real process that holds the lock, then dies.
        var prefix = ClusterHost.NewPrefix();
        await using var host = new ClusterHost(fixture.Etcd, prefix);
        var cluster = await host.ConnectAsync();
        var start = new ProcessStartInfo("etcdctl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["ETCDCTL_API"] = "3";
        start.ArgumentList.Add("--endpoints=" + string.Join(',', fixture.Etcd.Endpoints));
        start.ArgumentList.Add("lock");
        start.ArgumentList.Add("--ttl=5");
        start.ArgumentList.Add(prefix + "/locks/killed.example.test");
        using var holder = Process.Start(start)!;
        try
        {
            // etcdctl prints the lock key once it holds the lock.
            var line = await holder.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.StartsWith(prefix + "/locks/killed.example.test/", line);

            var waiting = cluster.LockAsync("killed.example.test", CancellationToken.None);
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.False(waiting.IsCompleted, "the lock was granted while etcdctl held it");
            var clock = Stopwatch.StartNew();
            holder.Kill();   // SIGKILL of the process we started, by its PID
            await using var held = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));
        }
        finally
        {
            if (!holder.HasExited) holder.Kill();
        }
    }
}
