using ConfigLang.Acme.Challenges;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Host.Checks;

/// <summary>
/// The CA validates TLS-ALPN-01 by connecting to port 443 of the domain. A certificate answering
/// it with its own listener on port 443 (<c>listenTLS = ":443"</c>) fails when
/// <c>networking.firewall</c> is enabled (the default) and opens port 443 neither as a port, nor
/// in a range, nor on an interface. A listener on another port (behind a proxy that forwards
/// port 443) is left alone. One finding for the host, naming the certificates; it points at the
/// firewall definition if the files have one.
/// </summary>
public sealed class TlsAlpn01PortClosedCheck : IHostCheck
{
    private const int TlsPort = 443;

    public IEnumerable<Diagnostic> Check(HostFacts facts)
    {
        if (facts.Firewall.AcceptsTcp(TlsPort)) yield break;
        var affected = facts.Certs.Where(AnswersTlsAlpn01OnPort443).ToList();
        if (affected.Count == 0) yield break;
        yield return ChallengePortClosed.Finding(LintCodes.TlsAlpn01PortClosed, TlsPort, "TLS-ALPN-01", "listenTLS", affected, facts);
    }

    /// <summary>Whether the certificate's challenge is TLS-ALPN-01 answered by its own listener on
    /// port 443 (only <c>dnsProvider</c> takes precedence, as in the request mapping).</summary>
    public static bool AnswersTlsAlpn01OnPort443(CertFacts cert) =>
        cert.DnsProvider is null && cert.ListenTls is { } listen && ListenAddress.TryParse(listen, out var endpoint) && endpoint.Port == TlsPort;
}
