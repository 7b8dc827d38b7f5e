using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Text;
using ConfigLang.Modules.Evaluation;

namespace ConfigLang.Host.Checks;

/// <summary>
/// Every name a service answers to with a certificate (a virtual host's name and aliases, a
/// service's domain: <see cref="ConsumerFacts.ServedNames"/>) must be on that certificate, or a
/// browser rejects the connection. <c>useACMEHost</c> does not add the names (NixOS/nixpkgs#40593),
/// so this is easy to miss. Wildcards count as the CA issues them: <c>*.example.org</c> covers
/// <c>www.example.org</c>, not <c>example.org</c> nor <c>a.b.example.org</c>.
/// </summary>
public sealed class NameNotCoveredCheck : IHostCheck
{
    public IEnumerable<Diagnostic> Check(HostFacts facts)
    {
        var certs = facts.Certs.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var reported = new HashSet<(string Cert, string Name)>();
        foreach (var consumer in facts.Consumers)
        {
            // A certificate nobody configured is UnknownAcmeHostCheck's finding.
            if (!certs.TryGetValue(consumer.Cert, out var cert) || !cert.HasChallenge) continue;
            foreach (var written in consumer.ServedNames)
            {
                foreach (var name in RequiredTlsNames.Of(written))
                {
                    var canonical = DnsName.Canonical(name);
                    if (cert.Domains.Any(d => DnsName.Covers(d, name)) || !reported.Add((cert.Name, canonical))) continue;
                    var subject = consumer.Option ?? $"configlang.certConsumers.{consumer.Service}";
                    yield return Diagnostic.Error(LintCodes.NameNotCovered,
                        $"`{subject}' serves \"{name}\" with certificate \"{cert.Name}\", which does not cover it (its names: {string.Join(", ", cert.Domains)}); browsers will reject the connection",
                        ServedNameLocation(facts, consumer.Option, written) ?? facts.LocateCert(cert.Name, "extraDomainNames"))
                        .WithNote($"add \"{canonical}\" to `security.acme.certs.\"{cert.Name}\".extraDomainNames', or serve this name with a certificate that has it")
                        with { Subject = subject };
                }
            }
        }
    }

    // `services.nginx.virtualHosts."a.org".useACMEHost` names the virtual host: the name is its
    // attribute name, or written in its serverAliases or serverName.
    private static Evaluator.Text.SourceLocation? ServedNameLocation(HostFacts facts, string? option, string written)
    {
        if (option is null) return null;
        var vhost = ConfigurationQuery.SplitPath(option).SkipLast(1).ToList();
        if (vhost.Count == 0) return null;
        if (vhost[^1] == written) return facts.Locator.Locate(vhost);
        return facts.Locator.DefinedAt([.. vhost, "serverAliases"]) ?? facts.Locator.DefinedAt([.. vhost, "serverName"]) ?? facts.Locator.Locate(vhost);
    }
}
