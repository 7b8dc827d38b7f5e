using System.Text.Json;
using ConfigLang.Acme.Model;
using ConfigLang.Acme.Storage;
using Etcdserverpb;
using Google.Protobuf;

namespace ConfigLang.Acme.Cluster;

/// <summary>
/// <see cref="ICertificateCluster"/> on etcd (v3 API): a lock per certificate from etcd's lock
/// service on a lease of the lock's TTL; a certificate stored as the keys of one directory
/// (<see cref="EtcdKeys"/>), all written in one transaction that checks the writer still holds
/// the lock; private keys only sealed with the cluster key (<see cref="ClusterEncryptionKey"/>).
/// Made by <see cref="EtcdCertificateClusterFactory"/>.
/// </summary>
public sealed class EtcdCertificateCluster : ICertificateCluster
{
    private readonly EtcdConnection _connection;
    private readonly ClusterEncryptionKey _key;
    private readonly EtcdKeys _keys;
    private readonly long _lockTtlSeconds;

    internal EtcdCertificateCluster(EtcdConnection connection, ClusterEncryptionKey key, EtcdKeys keys, TimeSpan lockTtl)
    {
        _connection = connection;
        _key = key;
        _keys = keys;
        _lockTtlSeconds = Math.Max(1, (long)Math.Ceiling(lockTtl.TotalSeconds));
    }

    public async Task<IClusterLock> LockAsync(string name, CancellationToken cancellationToken)
    {
        RequireValidName(name);
        var lease = await _connection.CallAsync(o => _connection.Leases.LeaseGrantAsync(new LeaseGrantRequest { TTL = _lockTtlSeconds }, o),
            cancellationToken, EtcdConnection.CallTimeout);
        var keepAlive = EtcdLeaseKeepAlive.Start(_connection, lease.ID, TimeSpan.FromSeconds(lease.TTL));
        try
        {
            // Waits (no deadline) until every earlier waiter's key is gone: released, or its lease expired.
            var locked = await _connection.CallAsync(o => _connection.Locks.LockAsync(
                new V3Lockpb.LockRequest { Name = ByteString.CopyFromUtf8(_keys.Lock(name)), Lease = lease.ID }, o), cancellationToken, timeout: null);
            return new EtcdClusterLock(this, name, lease.ID, locked.Key, keepAlive);
        }
        catch
        {
            await keepAlive.StopAsync();
            await RevokeQuietlyAsync(lease.ID);
            throw;
        }
    }

    public Task<SharedCertificate?> PeekAsync(string name, CancellationToken cancellationToken)
    {
        RequireValidName(name);
        return ReadAsync(name, cancellationToken);
    }

    public async Task<string> GetOrStoreAccountKeyAsync(AccountSpec account, string candidatePem, CancellationToken cancellationToken)
    {
        var hash = account.Hash;
        var key = ByteString.CopyFromUtf8(_keys.SealedAccountKey(hash));
        var owner = EtcdKeys.AccountKeyOwner(hash);
        var transaction = new TxnRequest
        {
            Compare = { new Compare { Key = key, Target = Compare.Types.CompareTarget.Create, Result = Compare.Types.CompareResult.Equal, CreateRevision = 0 } },
            Success = { new RequestOp { RequestPut = new PutRequest { Key = key, Value = ByteString.CopyFrom(_key.Seal(candidatePem, owner)) } } },
            Failure = { new RequestOp { RequestRange = new RangeRequest { Key = key } } },
        };
        var response = await _connection.CallAsync(o => _connection.Kv.TxnAsync(transaction, o), cancellationToken, EtcdConnection.CallTimeout);
        if (response.Succeeded) return candidatePem;
        var stored = response.Responses[0].ResponseRange.Kvs[0].Value;
        return _key.Open(stored.Span, owner, $"account {hash} ({account.Server ?? "the default ACME server"})");
    }

    public ValueTask DisposeAsync()
    {
        _connection.Dispose();
        _key.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The stored certificate <paramref name="name"/>, read in one request (one revision), or null.</summary>
    internal async Task<SharedCertificate?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        var directory = ByteString.CopyFromUtf8(_keys.CertificateDirectory(name));
        var response = await _connection.CallAsync(o => _connection.Kv.RangeAsync(
            new RangeRequest { Key = directory, RangeEnd = EtcdConnection.RangeEnd(directory) }, o), cancellationToken, EtcdConnection.CallTimeout);
        var values = response.Kvs.ToDictionary(kv => kv.Key.ToStringUtf8(), kv => kv.Value, StringComparer.Ordinal);
        if (!values.TryGetValue(_keys.Metadata(name), out var metadataJson)
            || !values.TryGetValue(_keys.FullChain(name), out var fullChain)
            || !values.TryGetValue(_keys.Chain(name), out var chain)
            || !values.TryGetValue(_keys.SealedKey(name), out var sealedKey))
        {
            return null;
        }

        StoredCertificateMetadata metadata;
        try
        {
            metadata = JsonSerializer.Deserialize(metadataJson.Span, ClusterJsonContext.Default.StoredCertificateMetadata)
                ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new ClusterException($"the stored metadata of certificate {name} ({_keys.Metadata(name)}) is not what ConfigLang writes: {e.Message}", e);
        }
        var keyPem = _key.Open(sealedKey.Span, EtcdKeys.CertificateKeyOwner(name), $"certificate {name}");
        var material = new CertificateMaterial
        {
            FullChainPem = fullChain.ToStringUtf8(),
            ChainPem = chain.ToStringUtf8(),
            KeyPem = keyPem,
            LeafPem = values.TryGetValue(_keys.Leaf(name), out var leaf) ? leaf.ToStringUtf8() : null,
        };
        return new SharedCertificate(material, metadata.Names, metadata.KeyType, metadata.NotAfter, metadata.StoredBy);
    }

    /// <summary>
    /// Writes every key of the certificate in one transaction that succeeds only while the lock
    /// key of <paramref name="heldLock"/> still exists on its lease: a host whose lease expired
    /// writes nothing, and readers see the old certificate or the new one, never a mixture.
    /// </summary>
    internal async Task StoreAsync(string name, EtcdClusterLock heldLock, SharedCertificate certificate, CancellationToken cancellationToken)
    {
        var metadata = new StoredCertificateMetadata(certificate.Names, certificate.KeyType, certificate.NotAfter, certificate.StoredBy);
        var material = certificate.Material;
        var leafKey = ByteString.CopyFromUtf8(_keys.Leaf(name));
        var transaction = new TxnRequest
        {
            Compare =
            {
                new Compare { Key = heldLock.LockKey, Target = Compare.Types.CompareTarget.Lease, Result = Compare.Types.CompareResult.Equal, Lease = heldLock.LeaseId },
            },
            Success =
            {
                Put(_keys.FullChain(name), ByteString.CopyFromUtf8(material.FullChainPem)),
                Put(_keys.Chain(name), ByteString.CopyFromUtf8(material.ChainPem)),
                Put(_keys.SealedKey(name), ByteString.CopyFrom(_key.Seal(material.KeyPem, EtcdKeys.CertificateKeyOwner(name)))),
                Put(_keys.Metadata(name), ByteString.CopyFrom(JsonSerializer.SerializeToUtf8Bytes(metadata, ClusterJsonContext.Default.StoredCertificateMetadata))),
                material.LeafPem is { } leafPem
                    ? Put(_keys.Leaf(name), ByteString.CopyFromUtf8(leafPem))
                    : new RequestOp { RequestDeleteRange = new DeleteRangeRequest { Key = leafKey } },
            },
        };
        var response = await _connection.CallAsync(o => _connection.Kv.TxnAsync(transaction, o), cancellationToken, EtcdConnection.CallTimeout);
        if (!response.Succeeded) throw LockLost(name);
    }

    /// <summary>Revokes a lease (deleting its lock key) without failing: if etcd is unreachable the lease expires by itself.</summary>
    internal async Task RevokeQuietlyAsync(long leaseId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(EtcdConnection.ProbeTimeout);
            await _connection.CallAsync(o => _connection.Leases.LeaseRevokeAsync(new LeaseRevokeRequest { ID = leaseId }, o), timeout.Token, EtcdConnection.ProbeTimeout);
        }
        catch (Exception e) when (e is ClusterException or OperationCanceledException)
        {
        }
    }

    internal static ClusterException LockLost(string name) =>
        new($"the lock of certificate {name} was lost (its lease expired: this host did not reach etcd within lockTTL) before the certificate was stored; nothing was written, another host may have taken over");

    private static RequestOp Put(string key, ByteString value) =>
        new() { RequestPut = new PutRequest { Key = ByteString.CopyFromUtf8(key), Value = value } };

    private static void RequireValidName(string name)
    {
        if (CertificateName.Problem(name) is { } problem) throw new ArgumentException($"'{name}' cannot name a certificate: {problem}", nameof(name));
    }
}
