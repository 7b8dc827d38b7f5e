namespace ConfigLang.Acme.Cluster;

/// <summary>
/// A certificate's lock held through etcd's lock service: the lock key <see cref="LockKey"/> lives
/// as long as the lease, which <see cref="EtcdLeaseKeepAlive"/> keeps alive until dispose.
/// </summary>
internal sealed class EtcdClusterLock(EtcdCertificateCluster cluster, string name, long leaseId, Google.Protobuf.ByteString lockKey, EtcdLeaseKeepAlive keepAlive) : IClusterLock
{
    private int _disposed;

    public long LeaseId => leaseId;

    public Google.Protobuf.ByteString LockKey => lockKey;

    public Task<SharedCertificate?> ReadAsync(CancellationToken cancellationToken) => cluster.ReadAsync(name, cancellationToken);

    public Task StoreAsync(SharedCertificate certificate, CancellationToken cancellationToken)
    {
        if (keepAlive.Lost) throw EtcdCertificateCluster.LockLost(name);
        return cluster.StoreAsync(name, this, certificate, cancellationToken);
    }

    /// <summary>Releases the lock: stops the keep-alive and revokes the lease, which deletes the lock key.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await keepAlive.StopAsync();
        await cluster.RevokeQuietlyAsync(leaseId);
    }

    /// <summary>
    /// For tests: behaves like a process that died holding the lock. The keep-alive stops and
    /// the lease is left to expire after the lock's TTL.
    /// </summary>
    internal async Task AbandonAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await keepAlive.StopAsync();
    }
}
