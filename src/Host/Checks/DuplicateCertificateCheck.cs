using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Host.Checks;

/// <summary>
/// Two certificates for the same set of names (in any order and case) are duplicates to Let's
/// Encrypt, which issues at most 5 of them per 7 days; both are ordered again whenever either
/// changes. One certificate shared with <c>useACMEHost</c> does the same job.
/// </summary>
public sealed class DuplicateCertificateCheck : IHostCheck
{
    public IEnumerable<Diagnostic> Check(HostFacts facts)
    {
        var groups = facts.Certs
            .Where(c => AcmeServers.IsLetsEncryptProduction(c.Server))
            .GroupBy(c => string.Join(' ', c.Domains.Select(DnsName.Canonical).Distinct().Order(StringComparer.Ordinal)), StringComparer.Ordinal);
        foreach (var group in groups.Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                yield return Diagnostic.Warning(LintCodes.DuplicateCertificate,
                    $"Certificates \"{first.Name}\" and \"{duplicate.Name}\" order the same names ({group.Key.Replace(" ", ", ", StringComparison.Ordinal)}); Let's Encrypt issues at most 5 certificates for one set of names every 7 days",
                    facts.LocateCert(duplicate.Name))
                    .WithNote($"keep one of them and point its users at it with useACMEHost = \"{first.Name}\"")
                    with { Subject = $"security.acme.certs.\"{duplicate.Name}\"" };
            }
        }
    }
}
