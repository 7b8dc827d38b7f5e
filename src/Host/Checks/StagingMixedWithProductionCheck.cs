using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Host.Checks;

/// <summary>
/// The same name on a certificate from Let's Encrypt staging and on one from production: staging
/// certificates are not trusted by browsers, so this is usually a test setting left behind on one
/// certificate. The finding points at the staging <c>server</c> definition.
/// </summary>
public sealed class StagingMixedWithProductionCheck : IHostCheck
{
    public IEnumerable<Diagnostic> Check(HostFacts facts)
    {
        var production = facts.Certs.Where(c => AcmeServers.IsLetsEncryptProduction(c.Server)).ToList();
        foreach (var staging in facts.Certs.Where(c => AcmeServers.IsLetsEncryptStaging(c.Server)))
        {
            var names = staging.Domains.Select(DnsName.Canonical).ToHashSet(StringComparer.Ordinal);
            var other = production.FirstOrDefault(p => p.Domains.Any(d => names.Contains(DnsName.Canonical(d))));
            if (other is null) continue;
            var shared = other.Domains.Select(DnsName.Canonical).Where(names.Contains).Distinct().ToList();
            var subject = $"security.acme.certs.\"{staging.Name}\".server";
            yield return Diagnostic.Warning(LintCodes.StagingMixedWithProduction,
                $"Certificate \"{staging.Name}\" orders {Quoted(shared)} from Let's Encrypt staging, while certificate \"{other.Name}\" orders {(shared.Count == 1 ? "it" : "them")} from production",
                facts.LocateCert(staging.Name, "server"))
                .WithNote("browsers do not trust staging certificates: a service given the staging one shows errors; once testing is done, remove the staging `server'")
                with { Subject = subject };
        }
    }

    private static string Quoted(IReadOnlyList<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));
}
