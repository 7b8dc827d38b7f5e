using ConfigLang.Acme.Storage;

namespace ConfigLang.Acme.Cluster;

/// <summary>
/// Connects to an etcd cluster (v3 API over gRPC): reads the encryption key (and TLS files)
/// below the root, builds one channel over all endpoints and checks that a member answers
/// within a few seconds, so an unreachable cluster fails the run before anything is ordered.
/// </summary>
public sealed class EtcdCertificateClusterFactory : ICertificateClusterFactory
{
    public async Task<ICertificateCluster> ConnectAsync(ClusterSettings settings, string root, CancellationToken cancellationToken)
    {
        var rooted = new RootedFileSystem(root);
        var key = ClusterEncryptionKey.Load(rooted, settings.EncryptionKeyFile);
        EtcdConnection? connection = null;
        try
        {
            connection = EtcdConnection.Open(settings, rooted);
            await connection.ProbeAsync(settings.Prefix, cancellationToken);
            return new EtcdCertificateCluster(connection, key, new EtcdKeys(settings.Prefix), settings.LockTtl);
        }
        catch
        {
            connection?.Dispose();
            key.Dispose();
            throw;
        }
    }
}
