using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Cli.Adapters.Checks;

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
    private const int NamedCertificates = 3;

    public IEnumerable<Diagnostic> Check(HostFacts facts, HostSources host)
    {
        if (facts.Firewall.AcceptsTcp(TlsPort)) yield break;
        var affected = facts.Certs.Where(AnswersTlsAlpn01OnPort443).ToList();
        if (affected.Count == 0) yield break;
        var first = affected[0];
        var names = string.Join(", ", affected.Take(NamedCertificates).Select(c => $"\"{c.Name}\""));
        var more = affected.Count > NamedCertificates ? $" and {affected.Count - NamedCertificates} more" : "";
        var (noun, verb) = affected.Count == 1 ? ("certificate", "answers") : ("certificates", "answer");
        yield return Diagnostic.Error(LintCodes.TlsAlpn01PortClosed,
            $"The firewall keeps port 443 closed, but {noun} {names}{more} {verb} TLS-ALPN-01 challenges on it (listenTLS): the CA cannot reach this host",
            Http01PortClosedCheck.FirewallDefinition(host) ?? host.Find(["listenTLS", $"\"{first.Name}\""]))
            .WithNote("add 443 to `networking.firewall.allowedTCPPorts' (the CA connects to port 443 for TLS-ALPN-01), or validate over DNS-01 (dnsProvider)")
            with { Subject = "networking.firewall.allowedTCPPorts" };
    }

    /// <summary>Whether the certificate's challenge is TLS-ALPN-01 answered by its own listener on
    /// port 443 (only <c>dnsProvider</c> takes precedence, as in the request mapping).</summary>
    public static bool AnswersTlsAlpn01OnPort443(CertFacts cert) =>
        cert.DnsProvider is null && cert.ListenTls is { } listen && ListenAddress.PortOf(listen) == TlsPort;
}
