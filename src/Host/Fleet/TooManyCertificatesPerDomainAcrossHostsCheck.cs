using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Host.Checks;

namespace ConfigLang.Host.Fleet;

/// <summary>
/// Let's Encrypt issues at most 50 new certificates per registered domain in 7 days, counted
/// over every host that orders them: hosts each within the limit can exceed it together. A
/// certificate shared through a cluster counts once. Registered domains come from
/// <see cref="RegisteredDomains"/>. When one host alone exceeds the limit,
/// <see cref="TooManyCertificatesPerDomainCheck"/> reports it there and this check is quiet.
/// The finding points at the first certificate beyond the limit (hosts in file order,
/// certificates by name) and labels each other host's first certificate under the domain.
/// </summary>
public sealed class TooManyCertificatesPerDomainAcrossHostsCheck : IFleetCheck
{
    public IEnumerable<Diagnostic> Check(IReadOnlyList<FleetMember> members)
    {
        const int limit = TooManyCertificatesPerDomainCheck.MaxCertificatesPerWeek;
        var ordered = members.SelectMany(m => m.Certs.Where(c => c.LetsEncryptProduction).Select(c => (Member: m, Cert: c))).ToList();
        // No more orders than the limit in all: the suffix list is not even loaded.
        if (ordered.Select(e => e.Member.OrderKey(e.Cert)).Distinct().Count() <= limit) yield break;
        var byDomain = ordered
            .SelectMany(e => e.Cert.Names.Select(RegisteredDomains.Of).Distinct(StringComparer.Ordinal).Select(d => (Domain: d, e.Member, e.Cert)))
            .GroupBy(e => e.Domain, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in byDomain)
        {
            var orders = group.DistinctBy(e => e.Member.OrderKey(e.Cert)).ToList();
            var perHost = group.GroupBy(e => e.Member.File).ToList();
            if (orders.Count <= limit || perHost.Count < 2 || perHost.Any(h => h.Count() > limit)) continue;
            var beyond = orders[limit];
            var others = perHost.Where(h => h.Key != beyond.Member.File)
                .Select(h => (h.First().Cert.Location, $"{Count(h.Count())} under {group.Key} on this host, the first here"));
            yield return FleetFinding.Warning(LintCodes.TooManyCertificatesPerDomainAcrossHosts,
                $"{perHost.Count} hosts order {orders.Count} certificates with names under {group.Key}; Let's Encrypt issues at most {limit} new certificates per registered domain every 7 days (\"{beyond.Cert.Name}\" is the first beyond that)",
                beyond.Cert.Location, others,
                $"share certificates between hosts through etcd (`security.acme.cluster'), put names on shared certificates (up to 100 names each) or use a wildcard; {RegisteredDomains.Basis}",
                FleetFinding.CertOption(beyond.Cert.Name));
        }
    }

    private static string Count(int certificates) => certificates == 1 ? "1 certificate" : $"{certificates} certificates";
}
