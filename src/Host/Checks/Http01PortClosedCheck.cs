using ConfigLang.Acme.Challenges;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Host.Checks;

/// <summary>
/// The CA validates HTTP-01 by connecting to port 80 of the domain. A certificate answering it
/// on this host (a <c>webroot</c> served by the web server, or lego's own listener on port 80)
/// fails when <c>networking.firewall</c> is enabled (the default) and opens port 80 neither as
/// a port, nor in a range, nor on an interface. A <c>listenHTTP</c> on another port (e.g.
/// <c>":8080"</c> behind a proxy that forwards port 80) is left alone. One finding for the
/// host, naming the certificates; it points at the firewall definition if the file has one.
/// </summary>
public sealed class Http01PortClosedCheck : IHostCheck
{
    private const int HttpPort = 80;

    public IEnumerable<Diagnostic> Check(HostFacts facts)
    {
        if (facts.Firewall.AcceptsTcp(HttpPort)) yield break;
        var affected = facts.Certs.Where(AnswersHttp01OnPort80).ToList();
        if (affected.Count == 0) yield break;
        var first = affected[0];
        var option = first.ListenHttp is not null ? "listenHTTP" : "webroot";
        yield return ChallengePortClosed.Finding(LintCodes.Http01PortClosed, HttpPort, "HTTP-01", option, affected, facts);
    }

    /// <summary>Whether the certificate's challenge is HTTP-01 answered by this host on port 80
    /// (lego's precedence: dnsProvider, then s3Bucket, then listenHTTP, then webroot).</summary>
    public static bool AnswersHttp01OnPort80(CertFacts cert)
    {
        if (cert.DnsProvider is not null || cert.S3Bucket is not null) return false;
        if (cert.ListenHttp is { } listen) return ListenAddress.TryParse(listen, out var endpoint) && endpoint.Port == HttpPort;
        return cert.Webroot is not null && cert.ListenTls is null;
    }
}
