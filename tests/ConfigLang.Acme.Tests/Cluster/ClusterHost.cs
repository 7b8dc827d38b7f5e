using System.Security.Cryptography;
using ConfigLang.Acme.Cluster;
using ConfigLang.Acme.Model;
using ConfigLang.Acme.Storage;
using ConfigLang.Acme.Tests.Storage;
using ConfigLang.TestSupport;

namespace ConfigLang.Acme.Tests.Cluster;

/// <summary>
/// One host of a cluster test: its own --root with the cluster key at <see cref="KeyFile"/>
/// (random unless given), settings for a prefix of the test's own, and a connection.
/// </summary>
internal sealed class ClusterHost : IAsyncDisposable
{
    public const string KeyFile = "/run/secrets/acme-cluster.key";

    private readonly List<ICertificateCluster> _connections = [];

    public ClusterHost(EtcdTestCluster etcd, string prefix, string? base64Key = null, TimeSpan? lockTtl = null)
        : this(etcd.Endpoints, prefix, base64Key, lockTtl)
    {
        Settings = Settings with
        {
            CaFile = Copy(etcd.CaFile, "ca.pem"),
            CertFile = Copy(etcd.CertFile, "client.pem"),
            KeyFile = Copy(etcd.KeyFile, "client-key.pem"),
        };
    }

    public ClusterHost(IReadOnlyList<Uri> endpoints, string prefix, string? base64Key = null, TimeSpan? lockTtl = null)
    {
        Directory.CreateDirectory(System.IO.Path.Combine(Root, "run", "secrets"));
        Key = base64Key ?? NewKey();
        File.WriteAllText(KeyFileFullPath, Key + "\n");
        Settings = new ClusterSettings(endpoints, prefix, KeyFile, lockTtl ?? TimeSpan.FromSeconds(5));
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("configlang-cluster-host-").FullName;

    public string Key { get; }

    public ClusterSettings Settings { get; set; }

    /// <summary>The key file as the messages name it.</summary>
    public string KeyFileFullPath => System.IO.Path.Combine(Root, "run", "secrets", "acme-cluster.key");

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A fresh prefix, so tests sharing one etcd never see each other's keys.</summary>
    public static string NewPrefix() => "/configlang-test/" + Guid.NewGuid().ToString("N")[..12];

    public async Task<ICertificateCluster> ConnectAsync(CancellationToken cancellationToken = default)
    {
        var cluster = await new EtcdCertificateClusterFactory().ConnectAsync(Settings, Root, cancellationToken);
        _connections.Add(cluster);
        return cluster;
    }

    /// <summary>A certificate as an ACME CA issues it, for <paramref name="name"/>, stored by <paramref name="storedBy"/>.</summary>
    public static SharedCertificate Certificate(string name, string storedBy = "host-a")
    {
        var notAfter = DateTimeOffset.UtcNow.AddDays(90);
        var issued = TestCertificates.Issue([name, "www." + name], KeyType.Ec256, DateTimeOffset.UtcNow.AddDays(-1), notAfter);
        var material = CertificateMaterial.FromAcme(issued.FullChainPem, issued.KeyPem);
        return new SharedCertificate(material, [name, "www." + name], KeyType.Ec256, new DateTimeOffset(notAfter.UtcDateTime.AddTicks(-(notAfter.UtcTicks % TimeSpan.TicksPerSecond)), TimeSpan.Zero), storedBy);
    }

    private string? Copy(string? source, string name)
    {
        if (source is null) return null;
        File.Copy(source, System.IO.Path.Combine(Root, "run", "secrets", name));
        return "/run/secrets/" + name;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}
