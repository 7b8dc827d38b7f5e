namespace ConfigLang.Acme.Cluster;

/// <summary>
/// Where and how a host shares its certificates with the other hosts of an etcd cluster
/// (<c>security.acme.cluster</c>), as the executor needs it: no language values, only paths the
/// executor opens itself (below <c>--root</c>) when it connects.
/// </summary>
/// <param name="Endpoints">The members' client URLs (<c>http://</c> or <c>https://</c>); any reachable one serves.</param>
/// <param name="Prefix">The key prefix under which certificates, accounts and locks live (e.g. <c>/configlang/acme</c>).</param>
/// <param name="EncryptionKeyFile">Host path of the file holding the 32-byte AES-256-GCM key, base64.</param>
/// <param name="LockTtl">Lifetime of the lease behind a lock without keep-alive.</param>
public sealed record ClusterSettings(IReadOnlyList<Uri> Endpoints, string Prefix, string EncryptionKeyFile, TimeSpan LockTtl)
{
    /// <summary>PEM of the CA that signed the members' certificates (host path), or null for the system's roots.</summary>
    public string? CaFile { get; init; }

    /// <summary>Client certificate for mutual TLS (host path), or null.</summary>
    public string? CertFile { get; init; }

    /// <summary>Private key of <see cref="CertFile"/> (host path), or null.</summary>
    public string? KeyFile { get; init; }
}
