using System.Text;
using System.Text.Json;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// lego's <c>pdns</c>, over the PowerDNS Authoritative HTTP API (key in <c>X-API-Key</c>): the API
/// version from <c>GET /api</c> (none there: the pre-4 API without a prefix), the zone by
/// <c>GET /api/v1/servers/{server}/zones/{zone.}</c> for each parent of the record name, and the
/// TXT RRset replaced with <c>PATCH</c> on the zone (<c>changetype</c> REPLACE, or DELETE when no
/// value is left). PowerDNS replaces an RRset whole, so the values already there are kept and only
/// our own is added or removed: a wildcard and its base name share one RRset. Master and Slave
/// zones are then sent a NOTIFY (<c>PUT .../notify</c>), as lego does.
/// </summary>
internal sealed class PdnsDnsProvider : ValueSetDnsProvider<string, PdnsDnsProvider.Zone, string>
{
    public const string ProviderName = "pdns";

    public static DnsProviderVariables Variables { get; } = new(
    [
        new("PDNS_API_URL", "URL of the PowerDNS web server (http://127.0.0.1:8081/)"),
        new("PDNS_API_KEY", "the server's api-key") { Secret = true },
        new("PDNS_SERVER_NAME", "server id in the API's paths") { Default = "localhost" },
        new("PDNS_API_VERSION", "API version, skipping the detection through GET /api (0: the pre-4 API)") { Kind = DnsVariableKind.WholeNumber },
        new("PDNS_TTL", "TTL of the TXT record in seconds") { Default = "120", Kind = DnsVariableKind.WholeNumber },
        new("PDNS_PROPAGATION_TIMEOUT", "seconds to wait for the record to be visible") { Kind = DnsVariableKind.Seconds },
    ],
    Required: [["PDNS_API_URL", "PDNS_API_KEY"]]);

    private const int MaxQuotedError = 300;

    private readonly HttpClient _http;
    private readonly SecretRedactor _redactor;
    private readonly Uri _base;
    private readonly string _key;
    private readonly string _server;
    private readonly int _ttl;
    private int? _apiVersion;

    public PdnsDnsProvider(ProviderCredentials credentials, HttpClient httpClient)
        : base(ProviderName, credentials.GetSeconds("PDNS_PROPAGATION_TIMEOUT"))
    {
        _http = httpClient;
        _redactor = credentials.Redactor;
        var url = credentials.Require(ProviderName, "PDNS_API_URL");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
            throw new DnsProviderException(ProviderName, _redactor.Redact($"PDNS_API_URL is not an http(s) URL: {url}"));
        _base = new Uri(parsed.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
        _key = credentials.Require(ProviderName, "PDNS_API_KEY");
        _server = credentials.Get("PDNS_SERVER_NAME") ?? "localhost";
        _ttl = credentials.GetInt("PDNS_TTL") ?? 120;
        _apiVersion = credentials.GetInt("PDNS_API_VERSION");
    }

    // The zone is found by the read itself, which answers its RRsets too.
    protected override Task<string> LocateAsync(ChallengeTask challenge, CancellationToken cancellationToken) =>
        Task.FromResult(challenge.DnsRecordName.TrimEnd('.') + ".");

    protected override string Ours(ChallengeTask challenge, string fqdn) => "\"" + challenge.DnsTxtValue + "\"";

    protected override async Task<Zone?> ReadAsync(string fqdn, CancellationToken cancellationToken) =>
        await FindZoneAsync(fqdn, cancellationToken).ConfigureAwait(false);

    protected override IReadOnlyList<string> ValuesOf(Zone set) => set.Values;

    protected override async Task<string?> WriteAsync(string fqdn, Zone? current, List<string> next, bool add, CancellationToken cancellationToken)
    {
        // The read answers a zone or fails: a name without values is a zone with none.
        var zone = current!;
        var body = RrsetPatch(fqdn, next.Count == 0 ? null : next, zone.Ttl ?? _ttl);
        var what = $"{(add ? "add" : "remove")} TXT value on {fqdn.TrimEnd('.')}";
        using (await SendAsync(HttpMethod.Patch, zone.Path, body, what, cancellationToken).ConfigureAwait(false)) { }
        if (zone.Kind is "Master" or "Slave" && await ApiVersionAsync(cancellationToken).ConfigureAwait(false) >= 1)
        {
            using (await SendAsync(HttpMethod.Put, zone.Path + "/notify", null, $"notify the secondaries of {zone.Name}", cancellationToken).ConfigureAwait(false)) { }
        }
        return null;
    }

    /// <summary>A zone found for a record name, with the TXT values (quoted, as PowerDNS stores them) the name has now.</summary>
    internal sealed record Zone(string Name, string Path, string? Kind, List<string> Values, int? Ttl);

    private async Task<Zone> FindZoneAsync(string fqdn, CancellationToken cancellationToken)
    {
        var version = await ApiVersionAsync(cancellationToken).ConfigureAwait(false);
        var prefix = version >= 1 ? $"api/v{version}/" : "";
        foreach (var candidate in ZoneCandidates.For(fqdn))
        {
            var path = $"{prefix}servers/{Uri.EscapeDataString(_server)}/zones/{Uri.EscapeDataString(candidate + ".")}";
            // Servers from 4.6 on answer with this RRset only; older ones ignore the filter and send all.
            var query = $"?rrset_name={Uri.EscapeDataString(fqdn)}&rrset_type=TXT";
            var what = $"look up zone {candidate}";
            using var zone = await SendAsync(HttpMethod.Get, path + query, null, what, cancellationToken, notFoundIsNull: true).ConfigureAwait(false);
            if (zone is null) continue;
            var root = JsonAnswer.Of(ProviderName, _redactor, zone, what);
            var values = new List<string>();
            int? ttl = null;
            // Records in another shape are an error: the REPLACE would drop the values not read.
            foreach (var rrset in root.Array("rrsets"))
            {
                if (!string.Equals(rrset.String("name"), fqdn, StringComparison.OrdinalIgnoreCase) || rrset.String("type") != "TXT") continue;
                ttl = rrset.Int32OrNull("ttl") ?? ttl;
                values.AddRange(rrset.Array("records").Select(record => record.String("content")));
            }
            return new Zone(root.StringOrNull("name") ?? candidate + ".", path, root.StringOrNull("kind"), values, ttl);
        }
        throw new DnsProviderException(ProviderName, $"no PowerDNS zone found for {fqdn.TrimEnd('.')} on server {_server} (tried {string.Join(", ", ZoneCandidates.For(fqdn))})");
    }

    /// <summary>PDNS_API_VERSION, else the highest version <c>GET /api</c> lists; 0 when the server has no <c>/api</c> (before 4.0).</summary>
    private async Task<int> ApiVersionAsync(CancellationToken cancellationToken)
    {
        if (_apiVersion is { } known) return known;
        const string what = "detect the API version";
        using var versions = await SendAsync(HttpMethod.Get, "api", null, what, cancellationToken, notFoundIsNull: true).ConfigureAwait(false);
        var highest = 0;
        if (versions is not null)
        {
            // A server with /api is 4.0 or later: a listing without a version is no answer, and
            // taken (and kept) as the pre-4 API it would send every later call to paths without the prefix.
            var listing = JsonAnswer.Of(ProviderName, _redactor, versions, what);
            var listed = listing.Items().Select(entry => entry.Member("version").AsInt32()).ToList();
            highest = listed.Count > 0 ? listed.Max() : throw listing.Fail("answer lists no API version");
        }
        _apiVersion = highest;
        return highest;
    }

    /// <summary><c>{"rrsets":[{"name","type":"TXT","ttl","changetype","records":[{"content","disabled":false}]}]}</c>; no values: DELETE.</summary>
    private static string RrsetPatch(string fqdn, IReadOnlyList<string>? values, int ttl)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("rrsets");
            writer.WriteStartObject();
            writer.WriteString("name", fqdn);
            writer.WriteString("type", "TXT");
            writer.WriteNumber("ttl", ttl);
            writer.WriteString("changetype", values is null ? "DELETE" : "REPLACE");
            writer.WriteStartArray("records");
            foreach (var value in values ?? [])
            {
                writer.WriteStartObject();
                writer.WriteString("content", value);
                writer.WriteBoolean("disabled", false);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Sends one request; a JSON answer is returned (null for an empty one, or a 404 when <paramref name="notFoundIsNull"/>), anything else not 2xx is an error with PowerDNS's <c>error</c> text.</summary>
    private async Task<JsonDocument?> SendAsync(HttpMethod method, string path, string? json, string what, CancellationToken cancellationToken, bool notFoundIsNull = false)
    {
        using var request = new HttpRequestMessage(method, new Uri(_base, path));
        request.Headers.Add("X-API-Key", _key);
        request.Headers.Accept.ParseAdd("application/json");
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        string text;
        int status;
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new DnsProviderException(ProviderName, _redactor.Redact($"{what}: {_base} unreachable: {e.Message}"));
        }
        catch (Protocol.NetworkTimeoutException e)
        {
            throw new DnsProviderException(ProviderName, _redactor.Redact($"{what}: {e.Message}"));
        }
        // PowerDNS answers 404 for an unknown zone, 422 for a name it cannot take as a zone id.
        if (notFoundIsNull && status is 404 or 422) return null;
        JsonDocument? document = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException)
            {
                if (status is >= 200 and <= 299) throw new DnsProviderException(ProviderName, $"{what}: HTTP {status}, not a JSON answer");
            }
        }
        if (status is >= 200 and <= 299)
        {
            // As DnsHttpApi: an empty read is not "no zone here", only a 404 or 422 is.
            if (document is null && method == HttpMethod.Get) throw new DnsProviderException(ProviderName, $"{what}: HTTP {status}, empty answer");
            return document;
        }
        // PowerDNS says why in {"error": ...}; its web server answers 401 and 404 in plain text.
        // An error text is the server's to choose: one line of it, kept short.
        var error = document is { RootElement.ValueKind: JsonValueKind.Object } && DnsHttpApi.StringAt(document.RootElement, "error") is { } message ? message
            : document is null && text.Trim() is { Length: > 0 } plain ? plain.Split('\n')[0] : null;
        document?.Dispose();
        var said = error is null ? "" : ": " + RedactedExcerpt.Head(_redactor, error, MaxQuotedError);
        var hint = status is 401 or 403 ? " (check PDNS_API_KEY)" : "";
        throw new DnsProviderException(ProviderName, _redactor.Redact($"{what}: HTTP {status}{said}{hint}"));
    }
}
