using System.Net.Http.Headers;
using System.Text.Json;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// lego's <c>cloudflare</c>, over the Cloudflare v4 API: finds the zone with
/// <c>GET /zones?name=</c>, creates the record with <c>POST /zones/{id}/dns_records</c>
/// (<c>{"type":"TXT","name":...,"content":...,"ttl":...}</c>) and deletes it with
/// <c>DELETE /zones/{id}/dns_records/{record}</c>. Credentials: CLOUDFLARE_DNS_API_TOKEN or
/// CF_DNS_API_TOKEN (Bearer; CLOUDFLARE_ZONE_API_TOKEN/CF_ZONE_API_TOKEN for zone reads), or
/// CLOUDFLARE_EMAIL/CF_API_EMAIL + CLOUDFLARE_API_KEY/CF_API_KEY (global key). CLOUDFLARE_TTL
/// (120). CLOUDFLARE_BASE_URL (ours) replaces https://api.cloudflare.com/client/v4.
/// </summary>
public sealed class CloudflareDnsProvider : RecordIdDnsProvider<(string Zone, string Record)>
{
    public const string ProviderName = "cloudflare";
    public static readonly Uri DefaultBaseUrl = new("https://api.cloudflare.com/client/v4/");

    public static DnsProviderVariables Variables { get; } = new(
    [
        new("CLOUDFLARE_DNS_API_TOKEN", "API token with Zone:DNS:Edit (Bearer)") { Aliases = ["CF_DNS_API_TOKEN"], Secret = true },
        new("CLOUDFLARE_ZONE_API_TOKEN", "API token with Zone:Zone:Read, when the DNS token cannot read zones") { Aliases = ["CF_ZONE_API_TOKEN"], Secret = true },
        new("CLOUDFLARE_EMAIL", "account email, with the global API key") { Aliases = ["CF_API_EMAIL"] },
        new("CLOUDFLARE_API_KEY", "global API key, with the account email") { Aliases = ["CF_API_KEY"], Secret = true },
        new("CLOUDFLARE_TTL", "TTL of the TXT record in seconds") { Aliases = ["CF_TTL"], Default = "120", Kind = DnsVariableKind.WholeNumber },
        new("CLOUDFLARE_PROPAGATION_TIMEOUT", "seconds to wait for the record to be visible") { Aliases = ["CF_PROPAGATION_TIMEOUT"], Kind = DnsVariableKind.Seconds },
        new("CLOUDFLARE_BASE_URL", "API base URL (ConfigLang's; for tests and proxies)") { Default = "https://api.cloudflare.com/client/v4" },
    ],
    Required: [["CLOUDFLARE_DNS_API_TOKEN"], ["CLOUDFLARE_EMAIL", "CLOUDFLARE_API_KEY"]]);

    private readonly DnsHttpApi _dnsApi;
    private readonly DnsHttpApi _zoneApi;
    private readonly Action<HttpRequestHeaders> _dnsAuth;
    private readonly Action<HttpRequestHeaders> _zoneAuth;
    private readonly int _ttl;

    public CloudflareDnsProvider(ProviderCredentials credentials, HttpClient httpClient)
        : base(ProviderName, credentials.GetSeconds("CLOUDFLARE_PROPAGATION_TIMEOUT", "CF_PROPAGATION_TIMEOUT"))
    {
        var baseUrl = DnsHttpApi.BaseUrlFrom(credentials.Get("CLOUDFLARE_BASE_URL"), DefaultBaseUrl);
        var dnsToken = credentials.Get("CLOUDFLARE_DNS_API_TOKEN", "CF_DNS_API_TOKEN");
        var zoneToken = credentials.Get("CLOUDFLARE_ZONE_API_TOKEN", "CF_ZONE_API_TOKEN") ?? dnsToken;
        var email = credentials.Get("CLOUDFLARE_EMAIL", "CF_API_EMAIL");
        var key = credentials.Get("CLOUDFLARE_API_KEY", "CF_API_KEY");
        if (dnsToken is not null)
        {
            _dnsAuth = h => h.Authorization = new AuthenticationHeaderValue("Bearer", dnsToken);
            _zoneAuth = h => h.Authorization = new AuthenticationHeaderValue("Bearer", zoneToken);
        }
        else if (email is not null && key is not null)
        {
            _dnsAuth = _zoneAuth = h =>
            {
                h.Add("X-Auth-Email", email);
                h.Add("X-Auth-Key", key);
            };
        }
        else
        {
            throw new DnsProviderException(ProviderName,
                "missing credentials: set CLOUDFLARE_DNS_API_TOKEN (or CF_DNS_API_TOKEN), or CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY");
        }
        // The shared client brings the bounded 429 retry and redacted errors; zone reads may use another token.
        _dnsApi = new DnsHttpApi(ProviderName, httpClient, baseUrl, credentials.Redactor, (request, _) => _dnsAuth(request.Headers), DescribeErrors);
        _zoneApi = new DnsHttpApi(ProviderName, httpClient, baseUrl, credentials.Redactor, (request, _) => _zoneAuth(request.Headers), DescribeErrors);
        _ttl = credentials.GetInt("CLOUDFLARE_TTL", "CF_TTL") ?? 120;
    }

    protected override async Task<(string Zone, string Record)> CreateAsync(ChallengeTask challenge, string name, CancellationToken cancellationToken)
    {
        var zone = await FindZoneAsync(challenge, cancellationToken).ConfigureAwait(false);
        var body = JsonBody.Object(("type", "TXT"), ("name", name), ("content", challenge.DnsTxtValue), ("ttl", _ttl));
        var what = $"create TXT {name}";
        using var result = await SendAsync(HttpMethod.Post, $"zones/{zone}/dns_records", body, _dnsAuth, what, cancellationToken).ConfigureAwait(false);
        return (zone, _dnsApi.Read(result, what).Object("result").String("id"));
    }

    /// <summary>Not created by this instance (e.g. a restarted run): the record with our value, looked up.</summary>
    protected override async Task<(string Zone, string Record)?> FindNotCreatedAsync(ChallengeTask challenge, string name, CancellationToken cancellationToken)
    {
        var zone = await FindZoneAsync(challenge, cancellationToken).ConfigureAwait(false);
        var query = $"zones/{zone}/dns_records?type=TXT&name={Uri.EscapeDataString(name)}&content={Uri.EscapeDataString(challenge.DnsTxtValue)}";
        var what = $"find TXT {name}";
        using var found = await SendAsync(HttpMethod.Get, query, null, _dnsAuth, what, cancellationToken).ConfigureAwait(false);
        return _dnsApi.Read(found, what).Array("result").Select(record => record.String("id")).FirstOrDefault() is { } id ? (zone, id) : null;
    }

    protected override async Task DeleteAsync((string Zone, string Record) created, string name, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Delete, $"zones/{created.Zone}/dns_records/{created.Record}", null, _dnsAuth, $"delete TXT {name}", cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> FindZoneAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        foreach (var candidate in ZoneCandidates.For(challenge.DnsRecordName))
        {
            var what = $"look up zone {candidate}";
            using var zones = await SendAsync(HttpMethod.Get, "zones?name=" + Uri.EscapeDataString(candidate), null, _zoneAuth, what, cancellationToken).ConfigureAwait(false);
            if (_zoneApi.Read(zones, what).Array("result").Select(zone => zone.String("id")).FirstOrDefault() is { } id) return id;
        }
        throw new DnsProviderException(ProviderName, $"no Cloudflare zone found for {challenge.DnsRecordName} (tried {string.Join(", ", ZoneCandidates.For(challenge.DnsRecordName))})");
    }

    /// <summary>A v4 call: an answer whose <c>success</c> is not true is an error too, with its <c>errors</c>.</summary>
    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, string? json, Action<HttpRequestHeaders> auth, string what, CancellationToken cancellationToken)
    {
        var api = ReferenceEquals(auth, _dnsAuth) ? _dnsApi : _zoneApi;
        var document = await api.SendAsync(method, path, json, what, cancellationToken).ConfigureAwait(false)
            ?? throw api.Fail($"{what}: empty answer");
        if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("success", out var success)
            && success.ValueKind == JsonValueKind.True) return document;
        var errors = DescribeErrors(document.RootElement);
        document.Dispose();
        throw api.Fail($"{what}: not successful{(errors is null ? "" : ": " + errors)}");
    }

    private static string? DescribeErrors(JsonElement answer) =>
        answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0
            ? string.Join("; ", list.EnumerateArray().Select(e =>
                $"{(e.ValueKind == JsonValueKind.Object && e.TryGetProperty("code", out var c) ? c.ToString() : "?")}: {DnsHttpApi.StringAt(e, "message")}"))
            : null;
}
