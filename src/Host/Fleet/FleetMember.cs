using ConfigLang.Acme.Model;
using ConfigLang.Host.Checks;

namespace ConfigLang.Host.Fleet;

/// <summary>
/// One host of a lint run over several host files, as the fleet checks see it: its file, the
/// cluster it shares certificates through and its certificates. Small on purpose: it is kept
/// for every host until the run ends, the evaluated configuration is not.
/// </summary>
/// <param name="File">The host file (full path); hosts are compared and reported in its order.</param>
/// <param name="Cluster">The identity of the etcd store the host shares certificates through
/// (<see cref="ClusterIdentity"/>), or null when it orders on its own.</param>
public sealed record FleetMember(string File, string? Cluster, IReadOnlyList<FleetCertificate> Certs)
{
    /// <summary>
    /// The key under which a certificate is ordered: hosts of one cluster order a certificate of
    /// one name once between them (the cluster stores it by name), every other host on its own.
    /// </summary>
    public string OrderKey(FleetCertificate cert) =>
        Cluster is { } cluster ? $"cluster\0{cluster}\0{cert.Name}" : $"host\0{File}\0{cert.Name}";

    /// <summary>The member of <paramref name="facts"/>, read while its configuration is (the places are looked up now).</summary>
    public static FleetMember Read(string file, HostFacts facts) =>
        new(file, ClusterIdentity(facts.Cluster),
            [.. facts.Certs.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new FleetCertificate(
                c.Name,
                [.. c.Domains.Select(DnsName.Canonical).Distinct().Order(StringComparer.Ordinal)],
                AcmeServers.IsLetsEncryptProduction(c.Server),
                c.HasChallenge ? Describe(c) : null,
                facts.LocateCert(c.Name),
                AcmeRequestMapper.ChallengeOptionOf(c),
                facts.LocateCert(c.Name, AcmeRequestMapper.ChallengeOptionOf(c))))]);

    /// <summary>
    /// Two hosts share one store when they name the same members (in any order, case and
    /// trailing slash) and the same key prefix; null when the cluster is disabled.
    /// </summary>
    public static string? ClusterIdentity(ClusterFacts cluster) =>
        !cluster.Enable ? null
        : string.Join(' ', cluster.Endpoints.Select(e => e.Trim().TrimEnd('/').ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal))
            + " " + cluster.Prefix.TrimEnd('/');

    private static string Describe(CertFacts c)
    {
        var kind = AcmeRequestMapper.ChallengeOf(c);
        var name = ChallengeKinds.Format(kind).ToUpperInvariant();
        return kind == ChallengeKind.Dns01 ? $"{name} ({c.DnsProvider})" : name;
    }
}
