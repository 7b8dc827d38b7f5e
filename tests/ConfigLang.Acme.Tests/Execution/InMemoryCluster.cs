using System.Collections.Concurrent;
using ConfigLang.Acme.Cluster;
using ConfigLang.Acme.Model;

namespace ConfigLang.Acme.Tests.Execution;

/// <summary>
/// The cluster contract kept in memory, for the executor's own decisions (lookup, store, install,
/// account sharing, failures) without an etcd: one lock per name, stores visible only through the
/// held lock, and a switch that makes reading fail as a wrong key would. The etcd implementation
/// is tested against real members elsewhere.
/// </summary>
internal sealed class InMemoryCluster : ICertificateCluster
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _accountKeys = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, SharedCertificate> Stored { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, every read of a stored certificate or account key throws it (a wrong encryption key).</summary>
    public ClusterException? ReadFailure { get; set; }

    public int StoreCalls;
    public int Disposals;

    public async Task<IClusterLock> LockAsync(string name, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Held(this, name, gate);
    }

    public Task<SharedCertificate?> PeekAsync(string name, CancellationToken cancellationToken) => Task.FromResult(Read(name));

    public Task<string> GetOrStoreAccountKeyAsync(AccountSpec account, string candidatePem, CancellationToken cancellationToken)
    {
        if (ReadFailure is { } failure) throw failure;
        return Task.FromResult(_accountKeys.GetOrAdd(account.Hash, candidatePem));
    }

    public ValueTask DisposeAsync()
    {
        Interlocked.Increment(ref Disposals);
        return ValueTask.CompletedTask;
    }

    private SharedCertificate? Read(string name)
    {
        if (ReadFailure is { } failure && Stored.ContainsKey(name)) throw failure;
        return Stored.GetValueOrDefault(name);
    }

    private sealed class Held(InMemoryCluster cluster, string name, SemaphoreSlim gate) : IClusterLock
    {
        private int _released;

        public Task<SharedCertificate?> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(cluster.Read(name));

        public Task StoreAsync(SharedCertificate certificate, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref cluster.StoreCalls);
            cluster.Stored[name] = certificate;
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
