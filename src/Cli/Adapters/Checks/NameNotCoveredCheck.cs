using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Text;
using ConfigLang.Modules.Evaluation;

namespace ConfigLang.Cli.Adapters.Checks;

/// <summary>
/// Every name a service answers to with a certificate (a virtual host's name and aliases, a
/// service's domain: <see cref="ConsumerFacts.ServedNames"/>) must be on that certificate, or a
/// browser rejects the connection. <c>useACMEHost</c> does not add the names (NixOS/nixpkgs#40593),
/// so this is easy to miss. Wildcards count as the CA issues them: <c>*.example.org</c> covers
/// <c>www.example.org</c>, not <c>example.org</c> nor <c>a.b.example.org</c>.
/// </summary>
public sealed class NameNotCoveredCheck : IHostCheck
{
    public IEnumerable<Diagnostic> Check(HostFacts facts, HostSources host)
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
                        host.Value(written, VirtualHostOf(subject), ["useACMEHost", $"\"{cert.Name}\""]))
                        .WithNote($"add \"{canonical}\" to `security.acme.certs.\"{cert.Name}\".extraDomainNames', or serve this name with a certificate that has it")
                        with { Subject = subject };
                }
            }
        }
    }

    // `services.nginx.virtualHosts."a.org".useACMEHost` → [ virtualHosts, a.org ]: the name is
    // looked for in that virtual host's block first, not where it names a certificate.
    private static IReadOnlyList<string> VirtualHostOf(string option)
    {
        var parts = ConfigurationQuery.SplitPath(option);
        return parts.Count >= 4 ? [parts[^3], parts[^2]] : [];
    }
}
