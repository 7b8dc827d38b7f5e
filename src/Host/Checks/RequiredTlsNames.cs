namespace ConfigLang.Host.Checks;

/// <summary>
/// The TLS names a server must present for one name as written in its settings (an nginx
/// <c>server_name</c>, an httpd <c>ServerAlias</c>, a Caddy site address, a service's domain).
/// Returns no name for forms that cannot be checked against a certificate: nginx's catch-all
/// <c>_</c> and regular expressions (<c>~…</c>), trailing or inner wildcards, single-label names
/// (<c>localhost</c>, attribute names such as <c>default</c>), other strings that are no DNS name,
/// IP addresses and plain-HTTP Caddy addresses. nginx's <c>.example.org</c> stands for <c>example.org</c> and its subdomains, so it
/// needs both <c>example.org</c> and <c>*.example.org</c>.
/// </summary>
public static class RequiredTlsNames
{
    public static IEnumerable<string> Of(string written)
    {
        foreach (var address in written.Split([',', ' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (address.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) continue;
            var name = address.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? address["https://".Length..] : address;
            if (name.IndexOf('/') is >= 0 and var slash) name = name[..slash];
            if (name.StartsWith('~') || name is "_" or "*" || name.Length == 0) continue;
            if (DnsName.IsIpAddress(name)) continue;
            if (name.LastIndexOf(':') is > 0 and var colon && name[(colon + 1)..].All(char.IsAsciiDigit)) name = name[..colon];
            name = name.TrimEnd('.');
            if (name.StartsWith('.'))
            {
                var rest = name[1..];
                if (Checkable(rest)) { yield return rest; yield return "*." + rest; }
                continue;
            }
            if (Checkable(name)) yield return name;
        }
    }

    private static bool Checkable(string name)
    {
        var labels = name.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length == 0)) return false;
        if (DnsName.IsIpAddress(name)) return false;
        // A leading `*.` is the wildcard both the CA and the servers understand; others are not comparable.
        if (labels.Skip(1).Any(l => l.Contains('*')) || (labels[0] != "*" && labels[0].Contains('*'))) return false;
        // Not a DNS name (e.g. an attribute name such as `example.org_80`): no client asks for it.
        return DnsName.Validate(DnsName.Canonical(name), publicCa: false) is null;
    }
}
