using ConfigLang.Acme.Cluster;
using ConfigLang.Modules.Resolved;

namespace ConfigLang.Host;

/// <summary>
/// <c>security.acme.cluster</c> as resolved: whether the host shares its certificates through
/// etcd, and with which members, files and settings (the paths as written, host paths).
/// </summary>
public sealed record ClusterFacts(
    bool Enable,
    IReadOnlyList<string> Endpoints,
    string? CaFile,
    string? CertFile,
    string? KeyFile,
    string Prefix,
    string? EncryptionKeyFile,
    int LockTtlSeconds,
    bool SoleReceiver)
{
    /// <summary>No cluster (facts made by hand, or the option left at its default).</summary>
    public static readonly ClusterFacts Disabled = new(false, [], null, null, null, "/configlang/acme", null, 30, false);

    /// <summary>The option as the module system resolved it.</summary>
    public static ClusterFacts Read(ConfiguredValue cluster) => new(
        cluster["enable"].Bool,
        cluster["endpoints"].Strings,
        cluster["caFile"].String,
        cluster["certFile"].String,
        cluster["keyFile"].String,
        cluster["prefix"].String!,
        cluster["encryptionKeyFile"].String,
        (int)cluster["lockTTL"].Int,
        cluster["soleReceiver"].Bool);

    /// <summary>
    /// The executor's settings, or null when the cluster is disabled. Only for a configuration
    /// whose assertions passed (endpoints given, encryption key file set).
    /// </summary>
    public ClusterSettings? ToSettings()
    {
        if (!Enable) return null;
        if (EncryptionKeyFile is null) throw new InvalidOperationException("security.acme.cluster.encryptionKeyFile is unset; the assertions should have stopped this configuration");
        return new ClusterSettings([.. Endpoints.Select(e => new Uri(e))], Prefix, EncryptionKeyFile, TimeSpan.FromSeconds(LockTtlSeconds))
        {
            CaFile = CaFile,
            CertFile = CertFile,
            KeyFile = KeyFile,
        };
    }
}
