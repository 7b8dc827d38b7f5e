using ConfigLang.Acme.Model;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Host.Checks;

/// <summary>
/// A host that shares its certificates through etcd (<c>security.acme.cluster.enable</c>) is
/// usually one of a pool behind a shared name, where the CA's HTTP-01 or TLS-ALPN-01 request may
/// reach any member, not the one that ordered; the members run no daemon that could answer for
/// each other, so such a validation fails at random. Certificates validated that way (webroot,
/// listenHTTP, a web server's enableACME, listenTLS) get a warning, one per user definition that
/// chooses the challenge (a shared <c>defaults.webroot</c> is one finding), unless the host
/// declares <c>security.acme.cluster.soleReceiver</c>. DNS-01 and an S3 bucket every member
/// serves have no such problem.
/// </summary>
public sealed class ChallengeInPoolCheck : IHostCheck
{
    private const int NamedCertificates = 3;

    public IEnumerable<Diagnostic> Check(HostFacts facts)
    {
        if (!facts.Cluster.Enable || facts.Cluster.SoleReceiver) yield break;
        var affected = facts.Certs
            .Where(c => c.HasChallenge && c.S3Bucket is null && AcmeRequestMapper.ChallengeOf(c) is ChallengeKind.Http01 or ChallengeKind.TlsAlpn01)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => (Cert: c, Option: AcmeRequestMapper.ChallengeOptionOf(c)))
            .GroupBy(a => (Location: facts.LocateCert(a.Cert.Name, a.Option), a.Option));
        foreach (var group in affected)
        {
            var certs = group.Select(a => a.Cert).ToList();
            var challenge = ChallengeKinds.Format(AcmeRequestMapper.ChallengeOf(certs[0])).ToUpperInvariant();
            var names = string.Join(", ", certs.Take(NamedCertificates).Select(c => $"\"{c.Name}\""));
            var more = certs.Count > NamedCertificates ? $" and {certs.Count - NamedCertificates} more" : "";
            var (noun, verb) = certs.Count == 1 ? ("certificate", "is") : ("certificates", "are");
            yield return Diagnostic.Warning(LintCodes.ChallengeInPool,
                $"{char.ToUpperInvariant(noun[0])}{noun[1..]} {names}{more} {verb} shared through the etcd cluster but validated over {challenge} ({group.Key.Option}): "
                + "behind a shared name the CA's request may reach another member of the pool, which cannot answer a challenge this host started",
                group.Key.Location)
                .WithNote("validate over DNS-01 (dnsProvider), which any member can answer, or, if this host alone receives the traffic for these names, "
                    + "set `security.acme.cluster.soleReceiver = true'")
                with { Subject = $"security.acme.certs.\"{certs[0].Name}\".{group.Key.Option}" };
        }
    }
}
