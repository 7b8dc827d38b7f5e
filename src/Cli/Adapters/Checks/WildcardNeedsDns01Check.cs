using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Cli.Adapters.Checks;

/// <summary>A wildcard domain can only be validated with DNS-01; the CA refuses it over HTTP-01 or TLS-ALPN-01.
/// The finding points at the challenge setting, which is what has to change.</summary>
public sealed class WildcardNeedsDns01Check : IHostCheck
{
    public IEnumerable<Diagnostic> Check(HostFacts facts, HostSources host)
    {
        foreach (var cert in facts.Certs)
        {
            if (cert.DnsProvider is not null || !cert.HasChallenge) continue;
            foreach (var domain in cert.Domains.Where(d => d.StartsWith("*.", StringComparison.Ordinal)))
            {
                var option = cert.Webroot is not null ? "webroot" : cert.ListenHttp is not null ? "listenHTTP" : cert.ListenTls is not null ? "listenTLS" : "s3Bucket";
                var challenge = option == "listenTLS" ? "listenTLS (TLS-ALPN-01)" : $"{option} (HTTP-01)";
                yield return Diagnostic.Error(LintCodes.WildcardWithoutDns01,
                    $"The wildcard domain \"{domain}\" of certificate \"{cert.Name}\" needs DNS-01, but the certificate uses {challenge}",
                    host.Find([option, domain, $"\"{cert.Name}\""]))
                    .WithNote($"set `security.acme.certs.\"{cert.Name}\".dnsProvider' (and its credentials) instead")
                    with { Subject = $"security.acme.certs.\"{cert.Name}\".domain" };
            }
        }
    }
}
