using System.Globalization;
using System.Net;
using System.Xml;
using System.Xml.Linq;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// lego's <c>namecheap</c>, over Namecheap's XML API (<c>xml.response?ApiUser&amp;ApiKey&amp;UserName&amp;ClientIp&amp;Command</c>,
/// answers <c>&lt;ApiResponse Status="OK|ERROR"&gt;</c>). The client IP is NAMECHEAP_CLIENT_IP or, as
/// lego does, asked of Namecheap's getip service. Finds the zone in <c>namecheap.domains.getList</c>
/// (paged), reads the zone's hosts with <c>namecheap.domains.dns.getHosts</c>, and writes them all
/// back with <c>namecheap.domains.dns.setHosts</c> (a form POST: Namecheap has no per-record calls)
/// with its own TXT added or removed; serialized within the provider.
/// </summary>
internal sealed class NamecheapDnsProvider : ValueListDnsProvider<(string Zone, string Name), NamecheapDnsProvider.Host>
{
    public const string ProviderName = "namecheap";
    public static readonly Uri ProductionUrl = new("https://api.namecheap.com/xml.response");
    public static readonly Uri SandboxUrl = new("https://api.sandbox.namecheap.com/xml.response");
    public static readonly Uri ClientIpService = new("https://dynamicdns.park-your-domain.com/getip");
    private const int PageSize = 100;

    public static DnsProviderVariables Variables { get; } = new(
    [
        new("NAMECHEAP_API_USER", "API user"),
        new("NAMECHEAP_API_KEY", "API key") { Secret = true },
        new("NAMECHEAP_CLIENT_IP", "the whitelisted IP the API sees (default: asked of Namecheap's getip service)"),
        new("NAMECHEAP_SANDBOX", "true: use the sandbox API") { Default = "false" },
        new("NAMECHEAP_TTL", "TTL of the TXT record in seconds") { Default = "120", Kind = DnsVariableKind.WholeNumber },
        new("NAMECHEAP_PROPAGATION_TIMEOUT", "seconds to wait for the record to be visible") { Default = "3600", Kind = DnsVariableKind.Seconds },
        new("NAMECHEAP_BASE_URL", "API URL (ConfigLang's; for tests)") { Default = "https://api.namecheap.com/xml.response" },
        new("NAMECHEAP_CLIENT_IP_URL", "service answering the client IP (ConfigLang's; for tests)") { Default = "https://dynamicdns.park-your-domain.com/getip" },
    ],
    Required: [["NAMECHEAP_API_USER", "NAMECHEAP_API_KEY"]]);

    private readonly DnsHttpApi _api;
    private readonly DnsHttpApi _ipService;
    private readonly string _user;
    private readonly string _key;
    private readonly int _ttl;
    private string? _clientIp;

    public NamecheapDnsProvider(ProviderCredentials credentials, HttpClient httpClient)
        : base(ProviderName, credentials.GetSeconds("NAMECHEAP_PROPAGATION_TIMEOUT") ?? TimeSpan.FromSeconds(3600))
    {
        _user = credentials.Require(ProviderName, "NAMECHEAP_API_USER");
        _key = credentials.Require(ProviderName, "NAMECHEAP_API_KEY");
        _clientIp = credentials.Get("NAMECHEAP_CLIENT_IP");
        var sandbox = credentials.Get("NAMECHEAP_SANDBOX") is { } s && (s == "1" || s.Equals("true", StringComparison.OrdinalIgnoreCase));
        var url = DnsHttpApi.BaseUrlFrom(credentials.Get("NAMECHEAP_BASE_URL"), sandbox ? SandboxUrl : ProductionUrl);
        _api = new DnsHttpApi(ProviderName, httpClient, url, credentials.Redactor, (_, _) => { }, _ => null);
        _ipService = new DnsHttpApi(ProviderName, httpClient, DnsHttpApi.BaseUrlFrom(credentials.Get("NAMECHEAP_CLIENT_IP_URL"), ClientIpService),
            credentials.Redactor, (_, _) => { }, _ => null);
        _ttl = credentials.GetInt("NAMECHEAP_TTL") ?? 120;
    }

    /// <summary>One host of a zone as getHosts answers it and setHosts takes it.</summary>
    internal sealed record Host(string Name, string Type, string Address, string MxPref, string Ttl);

    protected override async Task<(string Zone, string Name)> LocateAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        var name = challenge.DnsRecordName.TrimEnd('.');
        _clientIp ??= await LearnClientIpAsync(cancellationToken).ConfigureAwait(false);
        return (await FindZoneAsync(name, cancellationToken).ConfigureAwait(false), name);
    }

    protected override Host Ours(ChallengeTask challenge, (string Zone, string Name) place) =>
        new(ZoneCandidates.Relative(place.Name, place.Zone), "TXT", challenge.DnsTxtValue, "10", _ttl.ToString(CultureInfo.InvariantCulture));

    // Host names are case-insensitive; the MX preference and TTL of a TXT host are not what makes it ours.
    protected override bool IsOurs(Host host, Host ours) =>
        host.Name.Equals(ours.Name, StringComparison.OrdinalIgnoreCase) && host.Type == ours.Type && host.Address == ours.Address;

    protected override async Task<List<Host>?> ReadAsync((string Zone, string Name) place, CancellationToken cancellationToken)
    {
        var (sld, tld) = Split(place.Zone);
        var what = $"read the hosts of {place.Zone}";
        var result = await CallAsync(HttpMethod.Get, "namecheap.domains.dns.getHosts", [("SLD", sld), ("TLD", tld)], what, cancellationToken).ConfigureAwait(false);
        // setHosts replaces every host: an answer without the list, or a host without its name, type or
        // address, would write the zone's other hosts away.
        var list = result.Descendants().FirstOrDefault(e => e.Name.LocalName == "DomainDNSGetHostsResult")
            ?? throw _api.Fail($"{what}: answer without DomainDNSGetHostsResult");
        string Required(XElement host, string attribute) =>
            (string?)host.Attribute(attribute) ?? throw _api.Fail($"{what}: a host without {attribute}");
        return [.. list.Elements().Where(e => e.Name.LocalName == "host")
            .Select(h => new Host(Required(h, "Name"), Required(h, "Type"), Required(h, "Address"),
                (string?)h.Attribute("MXPref") ?? "10", (string?)h.Attribute("TTL") ?? "1800"))];
    }

    protected override async Task<string?> WriteAsync((string Zone, string Name) place, List<Host>? current, List<Host> next, bool add, CancellationToken cancellationToken)
    {
        var (sld, tld) = Split(place.Zone);
        var fields = new List<(string, string)> { ("SLD", sld), ("TLD", tld) };
        for (var i = 0; i < next.Count; i++)
        {
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            fields.AddRange([("HostName" + n, next[i].Name), ("RecordType" + n, next[i].Type), ("Address" + n, next[i].Address),
                ("MXPref" + n, next[i].MxPref), ("TTL" + n, next[i].Ttl)]);
        }
        var what = $"{(add ? "add to" : "remove from")} TXT {place.Name}";
        var written = await CallAsync(HttpMethod.Post, "namecheap.domains.dns.setHosts", fields, what, cancellationToken).ConfigureAwait(false);
        if (!string.Equals((string?)written.Descendants().FirstOrDefault(e => e.Name.LocalName == "DomainDNSSetHostsResult")?.Attribute("IsSuccess"), "true", StringComparison.OrdinalIgnoreCase))
            throw _api.Fail($"{what}: setHosts did not succeed");
        return null;
    }

    /// <summary>The second-level and top-level parts Namecheap names a domain by: <c>example</c>, <c>co.uk</c>.</summary>
    private static (string Sld, string Tld) Split(string zone)
    {
        var dot = zone.IndexOf('.');
        return (zone[..dot], zone[(dot + 1)..]);
    }

    /// <summary>
    /// The address the IP service sees, which every call must name. Anything but an address (an
    /// empty answer, a proxy's page) is an error rather than kept: every later call would be
    /// refused for it, with an error about the API key.
    /// </summary>
    private async Task<string> LearnClientIpAsync(CancellationToken cancellationToken)
    {
        const string what = "learn the client IP";
        var answer = (await _ipService.SendTextAsync(HttpMethod.Get, _ipService.BaseUrl.AbsoluteUri.TrimEnd('/'), null, what, cancellationToken).ConfigureAwait(false)).Trim();
        // An IPv4 address only in its dotted four parts: a bare "7" would parse as 0.0.0.7.
        if (!IPAddress.TryParse(answer, out var address) || (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && address.ToString() != answer))
            throw _api.Fail($"{what}: the answer of {_ipService.BaseUrl} is not an IP address (set NAMECHEAP_CLIENT_IP)");
        return answer;
    }

    private async Task<string> FindZoneAsync(string fqdn, CancellationToken cancellationToken)
    {
        var domains = new List<string>();
        for (var page = 1; page <= 100; page++)
        {
            var result = await CallAsync(HttpMethod.Get, "namecheap.domains.getList",
                [("Page", page.ToString(CultureInfo.InvariantCulture)), ("PageSize", PageSize.ToString(CultureInfo.InvariantCulture))], "list domains", cancellationToken).ConfigureAwait(false);
            var found = result.Descendants().Where(e => e.Name.LocalName == "Domain").Select(d => (string?)d.Attribute("Name")).OfType<string>().ToList();
            domains.AddRange(found);
            var total = int.TryParse(result.Descendants().FirstOrDefault(e => e.Name.LocalName == "TotalItems")?.Value, out var t) ? t : 0;
            if (found.Count == 0 || page * PageSize >= total) break;
        }
        return ZoneCandidates.Match(fqdn, domains)
            ?? throw _api.Fail(ZoneCandidates.NotFound("Namecheap domain", fqdn));
    }

    /// <summary>One command: the global parameters and <paramref name="fields"/>, in the query (GET) or a form (POST); an ERROR answer is an error.</summary>
    private async Task<XElement> CallAsync(HttpMethod method, string command, IReadOnlyList<(string Name, string Value)> fields, string what, CancellationToken cancellationToken)
    {
        IEnumerable<(string, string)> all = [("ApiUser", _user), ("ApiKey", _key), ("UserName", _user), ("ClientIp", _clientIp!), ("Command", command), .. fields];
        var encoded = string.Join('&', all.Select(f => Uri.EscapeDataString(f.Item1) + "=" + Uri.EscapeDataString(f.Item2)));
        var url = _api.BaseUrl.AbsoluteUri.TrimEnd('/');
        var text = method == HttpMethod.Get
            ? await _api.SendTextAsync(method, url + "?" + encoded, null, what, cancellationToken).ConfigureAwait(false)
            : await _api.SendTextAsync(method, url, encoded, what, cancellationToken).ConfigureAwait(false);
        XElement root;
        try
        {
            root = XmlAnswer.Parse(text).Root!;
        }
        catch (XmlException)
        {
            throw _api.Fail($"{what}: {XmlAnswer.Describe(text)}");
        }
        if (!string.Equals((string?)root.Attribute("Status"), "OK", StringComparison.OrdinalIgnoreCase))
        {
            var errors = root.Descendants().Where(e => e.Name.LocalName == "Error").Select(e => $"{(string?)e.Attribute("Number")}: {e.Value}");
            throw _api.Fail($"{what}: {string.Join("; ", errors)}");
        }
        return root.Descendants().FirstOrDefault(e => e.Name.LocalName == "CommandResponse") ?? root;
    }
}
