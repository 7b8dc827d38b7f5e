using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Host.Checks;

/// <summary>
/// Let's Encrypt issues at most 50 new certificates per registered domain in 7 days, so a host
/// with more certificates under one domain cannot get them all at first deployment. Registered
/// domains come from <see cref="RegisteredDomains"/>. The finding points at the first
/// certificate beyond the limit.
/// </summary>
public sealed class TooManyCertificatesPerDomainCheck : IHostCheck
{
    public const int MaxCertificatesPerWeek = 50;

    public IEnumerable<Diagnostic> Check(HostFacts facts)
    {
        var ordered = facts.Certs.Where(c => AcmeServers.IsLetsEncryptProduction(c.Server)).ToList();
        // Fewer certificates than the limit cannot exceed it under any domain: the suffix list is not even loaded.
        if (ordered.Count <= MaxCertificatesPerWeek) yield break;
        var byDomain = ordered
            .SelectMany(c => c.Domains.Select(RegisteredDomains.Of).Distinct().Select(d => (Domain: d, Cert: c)))
            .GroupBy(p => p.Domain, StringComparer.Ordinal);
        foreach (var group in byDomain)
        {
            var certs = group.Select(p => p.Cert).ToList();
            if (certs.Count <= MaxCertificatesPerWeek) continue;
            var beyond = certs[MaxCertificatesPerWeek];
            yield return Diagnostic.Warning(LintCodes.TooManyCertificatesPerDomain,
                $"{certs.Count} certificates have names under {group.Key}; Let's Encrypt issues at most {MaxCertificatesPerWeek} new certificates per registered domain every 7 days (\"{beyond.Name}\" is the first beyond that)",
                facts.LocateCert(beyond.Name))
                .WithNote($"put names on shared certificates (up to 100 names each, served with useACMEHost) or use a wildcard; {RegisteredDomains.Basis}")
                with { Subject = $"security.acme.certs.\"{beyond.Name}\"" };
        }
    }
}
