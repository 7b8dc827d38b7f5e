using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Cli.Adapters.Checks;

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
    private const int NamedCertificates = 3;

    public IEnumerable<Diagnostic> Check(HostFacts facts, HostSources host)
    {
        if (facts.Firewall.AcceptsTcp(HttpPort)) yield break;
        var affected = facts.Certs.Where(AnswersHttp01OnPort80).ToList();
        if (affected.Count == 0) yield break;
        var first = affected[0];
        var option = first.ListenHttp is not null ? "listenHTTP" : "webroot";
        var names = string.Join(", ", affected.Take(NamedCertificates).Select(c => $"\"{c.Name}\""));
        var more = affected.Count > NamedCertificates ? $" and {affected.Count - NamedCertificates} more" : "";
        var (noun, verb) = affected.Count == 1 ? ("certificate", "answers") : ("certificates", "answer");
        yield return Diagnostic.Error(LintCodes.Http01PortClosed,
            $"The firewall keeps port 80 closed, but {noun} {names}{more} {verb} HTTP-01 challenges on it ({option}): the CA cannot reach this host",
            FirewallDefinition(host) ?? host.Find([option, "enableACME", "useACMEHost", $"\"{first.Name}\""]))
            .WithNote("add 80 to `networking.firewall.allowedTCPPorts' (the CA connects to port 80 for HTTP-01), or validate over DNS-01 (dnsProvider)")
            with { Subject = "networking.firewall.allowedTCPPorts" };
    }

    /// <summary>The firewall's port list, or any firewall setting, where the files have one.</summary>
    public static SourceLocation? FirewallDefinition(HostSources host) =>
        host.FindWord("allowedTCPPorts") ?? host.FindWord("firewall");

    /// <summary>Whether the certificate's challenge is HTTP-01 answered by this host on port 80
    /// (lego's precedence: dnsProvider, then s3Bucket, then listenHTTP, then webroot).</summary>
    public static bool AnswersHttp01OnPort80(CertFacts cert)
    {
        if (cert.DnsProvider is not null || cert.S3Bucket is not null) return false;
        if (cert.ListenHttp is { } listen) return ListenAddress.PortOf(listen) == HttpPort;
        return cert.Webroot is not null && cert.ListenTls is null;
    }
}
