using ConfigLang.Acme.Model;

namespace ConfigLang.Acme.Cluster;

/// <summary>
/// The shared storage of an etcd cluster for one run: locks per certificate, the stored
/// certificates and the shared ACME account keys. Private keys are encrypted before they leave
/// the process and decrypted only after they come back.
/// </summary>
public interface ICertificateCluster : IAsyncDisposable
{
    /// <summary>
    /// Waits until this process holds the lock of certificate <paramref name="name"/> (a valid <see cref="CertificateName"/>). The lock is
    /// bound to a lease of <see cref="ClusterSettings.LockTtl"/> that is kept alive until the
    /// returned lock is disposed; a process that dies loses it when the lease expires.
    /// </summary>
    Task<IClusterLock> LockAsync(string name, CancellationToken cancellationToken);

    /// <summary>The stored certificate without taking the lock or a lease (for <c>preview</c> and dry runs), or null.</summary>
    Task<SharedCertificate?> PeekAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// The shared account key of <paramref name="account"/>: the stored one if any, else
    /// <paramref name="candidatePem"/>, stored atomically unless another host stored one first
    /// (then that one is returned). So every host of the cluster uses one account.
    /// </summary>
    Task<string> GetOrStoreAccountKeyAsync(AccountSpec account, string candidatePem, CancellationToken cancellationToken);
}

/// <summary>The held lock of one certificate; disposing it releases the lock and revokes its lease.</summary>
public interface IClusterLock : IAsyncDisposable
{
    /// <summary>The stored certificate, or null when none is stored.</summary>
    Task<SharedCertificate?> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores certificate, chain and key (encrypted) in one transaction that succeeds only while
    /// this lock is still held; throws when the lease was lost, so a host that lost its lock never
    /// overwrites what the new holder stores.
    /// </summary>
    Task StoreAsync(SharedCertificate certificate, CancellationToken cancellationToken);
}

/// <summary>Connects to a cluster (one connection per run).</summary>
public interface ICertificateClusterFactory
{
    /// <summary>
    /// Opens the cluster of <paramref name="settings"/>, reading the key files below
    /// <paramref name="root"/> without following symlinks out of it. Throws
    /// <see cref="ClusterException"/> with a sentence naming the endpoints or the file when the
    /// encryption key is missing or malformed or no member is reachable.
    /// </summary>
    Task<ICertificateCluster> ConnectAsync(ClusterSettings settings, string root, CancellationToken cancellationToken);
}
