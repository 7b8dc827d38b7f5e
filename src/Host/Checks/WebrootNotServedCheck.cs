using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Host.Checks;

/// <summary>
/// With <c>webroot</c>, lego only writes the challenge file to
/// <c>&lt;webroot&gt;/.well-known/acme-challenge/</c>; a web server must answer
/// <c>http://&lt;domain&gt;/.well-known/acme-challenge/&lt;token&gt;</c> from there. Reports a
/// webroot (once, naming its certificates) that no virtual host of an enabled nginx, httpd or
/// Caddy serves: no location covering that path with <c>root</c> = the webroot (as the ACME
/// wiring adds for <c>enableACME</c>/<c>useACMEHost</c> virtual hosts from <c>acmeRoot</c>) or
/// the matching <c>alias</c>, no document root equal to it, and no verbatim configuration
/// that names it (which is taken on trust). A name of the certificate that a virtual host answers
/// to by name must be served by that virtual host (or the server-wide configuration): a webroot
/// served by another virtual host does not help it. Certificates with <c>listenHTTP</c> need no web server.
/// </summary>
public sealed class WebrootNotServedCheck : IHostCheck
{
    private const string ChallengePath = "/.well-known/acme-challenge/";
    private const int NamedCertificates = 3;

    public IEnumerable<Diagnostic> Check(HostFacts facts)
    {
        var byWebroot = facts.Certs
            .Where(c => c.Webroot is not null && Http01PortClosedCheck.AnswersHttp01OnPort80(c) && c.ListenHttp is null)
            .GroupBy(c => Normalized(c.Webroot!), StringComparer.Ordinal);
        var byName = new VirtualHostsByName(facts.WebVirtualHosts);
        foreach (var certs in byWebroot)
        {
            var webroot = certs.Key;
            var serving = facts.WebVirtualHosts.Where(v => Serves(v, webroot)).ToHashSet();
            var serverWide = serving.Any(v => v.Name is null);
            var unserved = certs.Select(c => (Cert: c, Miss: FirstUnservedName(byName, serving, serverWide, c)))
                .Where(u => u.Miss is not null).ToList();
            if (unserved.Count == 0) continue;
            var (first, (domain, answering)) = (unserved[0].Cert, unserved[0].Miss!.Value);
            var names = string.Join(", ", unserved.Take(NamedCertificates).Select(u => $"\"{u.Cert.Name}\""));
            var more = unserved.Count > NamedCertificates ? $" and {unserved.Count - NamedCertificates} more" : "";
            var plural = unserved.Count == 1 ? "certificate" : "certificates";
            var why = facts.WebVirtualHosts.Count == 0 ? "no web server is enabled"
                : answering is not null ? $"the {answering.Server} virtual host \"{answering.Name}\" answers {domain} and does not serve it"
                : "no virtual host of an enabled web server serves it";
            var vhost = answering?.Name ?? domain;
            yield return Diagnostic.Error(LintCodes.WebrootNotServed,
                $"The webroot {first.Webroot} of {plural} {names}{more} is not served at http://{domain}{ChallengePath}: {why}",
                facts.LocateCert(first.Name, "webroot"))
                .WithNote($"serve it, e.g. services.nginx.virtualHosts.\"{vhost}\".locations.\"{ChallengePath}\".root = \"{webroot}\"; "
                    + $"or use enableACME/useACMEHost on the virtual host with acmeRoot = \"{webroot}\"; or answer with listenHTTP instead")
                with { Subject = $"security.acme.certs.\"{first.Name}\".webroot" };
        }
    }

    /// <summary>
    /// The first name of the certificate whose challenge request does not reach the webroot, with
    /// the virtual host that answers it by name (null when none does), or null when all are
    /// served. A request goes to the virtual hosts whose names cover its host name; when none
    /// does, to the default server, which could be any of them, so then any one serving the
    /// webroot (or the server-wide configuration naming it) is taken as enough.
    /// </summary>
    private static (string Domain, WebVirtualHostFacts? Answering)? FirstUnservedName(
        VirtualHostsByName byName, HashSet<WebVirtualHostFacts> serving, bool serverWide, CertFacts cert)
    {
        foreach (var domain in cert.Domains)
        {
            var answering = byName.Answering(domain);
            var served = answering.Count > 0 ? serverWide || answering.Any(serving.Contains) : serving.Count > 0;
            if (!served) return (domain, answering.FirstOrDefault());
        }
        return null;
    }

    /// <summary>The virtual hosts by the names they answer to, so a host with thousands of them
    /// is checked in linear time: exact names, and wildcards by the name they stand for.</summary>
    private sealed class VirtualHostsByName
    {
        private readonly Dictionary<string, List<WebVirtualHostFacts>> _exact = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<WebVirtualHostFacts>> _wildcard = new(StringComparer.Ordinal);

        public VirtualHostsByName(IEnumerable<WebVirtualHostFacts> vhosts)
        {
            foreach (var vhost in vhosts.Where(v => v.Name is not null))
            {
                foreach (var name in vhost.ServedNames.SelectMany(RequiredTlsNames.Of).Select(DnsName.Canonical).Distinct(StringComparer.Ordinal))
                {
                    var (index, key) = name.StartsWith("*.", StringComparison.Ordinal) ? (_wildcard, name[2..]) : (_exact, name);
                    if (!index.TryGetValue(key, out var list)) index[key] = list = [];
                    list.Add(vhost);
                }
            }
        }

        /// <summary>The virtual hosts whose names cover <paramref name="domain"/> (<see cref="DnsName.Covers"/>).</summary>
        public IReadOnlyList<WebVirtualHostFacts> Answering(string domain)
        {
            var name = DnsName.Canonical(domain);
            var exact = _exact.GetValueOrDefault(name);
            // A wildcard name of the certificate is answered only by the same wildcard server name.
            if (name.StartsWith("*.", StringComparison.Ordinal)) return _wildcard.GetValueOrDefault(name[2..]) ?? [];
            var dot = name.IndexOf('.');
            var wildcard = dot > 0 ? _wildcard.GetValueOrDefault(name[(dot + 1)..]) : null;
            if (wildcard is null) return exact ?? [];
            if (exact is null) return wildcard;
            return [.. exact, .. wildcard];
        }
    }

    /// <summary>Whether a request for a challenge file reaches <paramref name="webroot"/> through this virtual host.</summary>
    public static bool Serves(WebVirtualHostFacts vhost, string webroot)
    {
        if (Names(vhost.ExtraConfig, webroot) || (vhost.Root is { } root && Normalized(root) == webroot)) return true;
        foreach (var location in vhost.Locations)
        {
            if (Names(location.ExtraConfig, webroot)) return true;
            var (prefix, isRegex) = PathOf(location.Match);
            if (prefix is null) continue;
            if (isRegex)
            {
                // A regular expression cannot be matched here; one naming the challenge path with the right root is trusted.
                if (prefix.Contains("acme-challenge", StringComparison.Ordinal) && location.Root is { } r && Normalized(r) == webroot) return true;
                continue;
            }
            if (!ChallengePath.StartsWith(prefix, StringComparison.Ordinal)) continue;
            if (location.Alias is { } alias)
            {
                // alias replaces the matched prefix: <alias><rest of the challenge path>.
                if (Normalized(alias.TrimEnd('/') + "/" + ChallengePath[prefix.Length..].TrimStart('/')) == Normalized(webroot + ChallengePath)) return true;
            }
            else if ((location.Root ?? vhost.Root) is { } directory && Normalized(directory) == webroot) return true;
        }
        return false;
    }

    /// <summary>The URI of an nginx location match (<c>^~ /p</c>, <c>= /p</c>, <c>/p</c>) and whether it is a regular expression (<c>~</c>, <c>~*</c>).</summary>
    private static (string? Path, bool IsRegex) PathOf(string match)
    {
        var parts = match.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) return (null, false);
        if (parts.Length == 1) return parts[0].StartsWith('@') ? (null, false) : (parts[0], false);
        return parts[0] switch
        {
            "^~" => (parts[1], false),
            "~" or "~*" => (parts[1], true),
            _ => (null, false), // "=": an exact match never covers a token below the directory
        };
    }

    private static bool Names(string text, string webroot) => text.Length > 0 && text.Contains(webroot, StringComparison.Ordinal);

    private static string Normalized(string path) => path.Length > 1 ? path.TrimEnd('/') : path;
}
