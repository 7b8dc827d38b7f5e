using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Host.Checks;

/// <summary>Let's Encrypt puts at most 100 names on one certificate; a larger order is refused.</summary>
public sealed class TooManyNamesCheck : IHostCheck
{
    public const int MaxNames = 100;

    public IEnumerable<Diagnostic> Check(HostFacts facts)
    {
        foreach (var cert in facts.Certs.Where(c => AcmeServers.IsLetsEncryptProduction(c.Server)))
        {
            var count = cert.Domains.Select(DnsName.Canonical).Distinct().Count();
            if (count <= MaxNames) continue;
            var subject = $"security.acme.certs.\"{cert.Name}\".extraDomainNames";
            yield return Diagnostic.Warning(LintCodes.TooManyNamesOnCertificate,
                $"Certificate \"{cert.Name}\" has {count} names; Let's Encrypt allows at most {MaxNames} on one certificate",
                facts.LocateCert(cert.Name, "extraDomainNames"))
                .WithNote("split the names over several certificates, or cover subdomains with a wildcard (DNS-01)")
                with { Subject = subject };
        }
    }
}
