using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// lego's <c>ovh</c>, over the OVHcloud API 1.0. Requests are signed with the application key,
/// secret and consumer key (<c>X-Ovh-Signature: $1$ + SHA1(AS+CK+METHOD+URL+BODY+TIMESTAMP)</c>,
/// joined by '+', against the server's clock from <c>GET /auth/time</c>), or carry an
/// <c>OVH_ACCESS_TOKEN</c> as Bearer, or a Bearer token got with OAuth2 client credentials
/// (<c>OVH_CLIENT_ID</c>, <c>OVH_CLIENT_SECRET</c>, scope <c>all</c>). Finds the zone in <c>GET /domain/zone</c>, creates the record
/// with <c>POST /domain/zone/{zone}/record</c> (<c>{"fieldType":"TXT","subDomain","target","ttl"}</c>),
/// deletes it by the id it got with <c>DELETE .../record/{id}</c>, and applies each change with
/// <c>POST /domain/zone/{zone}/refresh</c>. Errors are <c>{"errorCode","httpCode","message"}</c>.
/// </summary>
public sealed class OvhDnsProvider : RecordIdDnsProvider<(string Zone, long Id)>
{
    public const string ProviderName = "ovh";

    /// <summary>lego's endpoint names; OVH_ENDPOINT may also be a URL.</summary>
    public static readonly IReadOnlyDictionary<string, string> Endpoints = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["ovh-eu"] = "https://eu.api.ovh.com/1.0",
        ["ovh-ca"] = "https://ca.api.ovh.com/1.0",
        ["ovh-us"] = "https://api.us.ovhcloud.com/1.0",
        ["kimsufi-eu"] = "https://eu.api.kimsufi.com/1.0",
        ["kimsufi-ca"] = "https://ca.api.kimsufi.com/1.0",
        ["soyoustart-eu"] = "https://eu.api.soyoustart.com/1.0",
        ["soyoustart-ca"] = "https://ca.api.soyoustart.com/1.0",
    };

    /// <summary>The OAuth2 token endpoint of each region that has one.</summary>
    public static readonly IReadOnlyDictionary<string, string> TokenEndpoints = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["ovh-eu"] = "https://www.ovh.com/auth/oauth2/token",
        ["ovh-ca"] = "https://ca.ovh.com/auth/oauth2/token",
        ["ovh-us"] = "https://us.ovhcloud.com/auth/oauth2/token",
    };

    public static DnsProviderVariables Variables { get; } = new(
    [
        new("OVH_ENDPOINT", "ovh-eu, ovh-ca, ovh-us, kimsufi-eu, kimsufi-ca, soyoustart-eu, soyoustart-ca, or the API URL"),
        new("OVH_APPLICATION_KEY", "application key (signed requests)") { Secret = true },
        new("OVH_APPLICATION_SECRET", "application secret (signed requests)") { Secret = true },
        new("OVH_CONSUMER_KEY", "consumer key (signed requests)") { Secret = true },
        new("OVH_ACCESS_TOKEN", "access token (Bearer), instead of the three keys") { Secret = true },
        new("OVH_CLIENT_ID", "OAuth2 client id (service account), instead of the three keys"),
        new("OVH_CLIENT_SECRET", "OAuth2 client secret") { Secret = true },
        new("OVH_OAUTH2_TOKEN_URL", "OAuth2 token endpoint (ConfigLang's; for an endpoint given as a URL, and tests)"),
        new("OVH_TTL", "TTL of the TXT record in seconds") { Default = "120", Kind = DnsVariableKind.WholeNumber },
        new("OVH_PROPAGATION_TIMEOUT", "seconds to wait for the record to be visible") { Default = "60", Kind = DnsVariableKind.Seconds },
    ],
    Required: [["OVH_ENDPOINT", "OVH_APPLICATION_KEY", "OVH_APPLICATION_SECRET", "OVH_CONSUMER_KEY"], ["OVH_ENDPOINT", "OVH_ACCESS_TOKEN"], ["OVH_ENDPOINT", "OVH_CLIENT_ID", "OVH_CLIENT_SECRET"]]);

    private readonly DnsHttpApi _api;
    private readonly string? _applicationKey;
    private readonly string? _applicationSecret;
    private readonly string? _consumerKey;
    private readonly int _ttl;
    private readonly OAuthAccessToken? _oauth;
    private long? _clockOffset;
    private string? _bearer;

    public OvhDnsProvider(ProviderCredentials credentials, HttpClient httpClient, TimeProvider? time = null)
        : base(ProviderName, credentials.GetSeconds("OVH_PROPAGATION_TIMEOUT") ?? TimeSpan.FromSeconds(60))
    {
        var endpoint = credentials.Require(ProviderName, "OVH_ENDPOINT");
        if (!Endpoints.TryGetValue(endpoint, out var url) && !endpoint.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            throw new DnsProviderException(ProviderName, $"OVH_ENDPOINT '{endpoint}' is neither an endpoint name ({string.Join(", ", Endpoints.Keys)}) nor a URL");
        Time = time ?? TimeProvider.System;
        var token = credentials.Get("OVH_ACCESS_TOKEN");
        _applicationKey = credentials.Get("OVH_APPLICATION_KEY");
        _applicationSecret = credentials.Get("OVH_APPLICATION_SECRET");
        _consumerKey = credentials.Get("OVH_CONSUMER_KEY");
        var signed = _applicationKey is not null && _applicationSecret is not null && _consumerKey is not null;
        _bearer = token;
        if (!signed && token is null && credentials.Get("OVH_CLIENT_ID") is { } clientId && credentials.Get("OVH_CLIENT_SECRET") is { } clientSecret)
        {
            var tokenUrl = credentials.Get("OVH_OAUTH2_TOKEN_URL") ?? (TokenEndpoints.TryGetValue(endpoint, out var known) ? known
                : throw new DnsProviderException(ProviderName, $"OVH_ENDPOINT '{endpoint}' has no known OAuth2 token endpoint: set OVH_OAUTH2_TOKEN_URL"));
            _oauth = new OAuthAccessToken(ProviderName, httpClient, new Uri(tokenUrl), credentials.Redactor,
                () => [("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", clientSecret), ("scope", "all")], time);
        }
        else if (!signed && token is null)
        {
            throw new DnsProviderException(ProviderName, "missing credentials: set " + Variables.DescribeRequired());
        }
        _api = new DnsHttpApi(ProviderName, httpClient, new Uri(url ?? endpoint), credentials.Redactor,
            signed ? Sign : new Action<HttpRequestMessage, string?>((request, _) => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _bearer)),
            error => DnsHttpApi.StringAt(error, "message") is { } message
                ? (DnsHttpApi.StringAt(error, "errorCode") is { } code ? $"{code}: {message}" : message)
                : null);
        _ttl = credentials.GetInt("OVH_TTL") ?? 120;
    }

    private TimeProvider Time { get; }

    protected override async Task<(string Zone, long Id)> CreateAsync(ChallengeTask challenge, string name, CancellationToken cancellationToken)
    {
        await SyncClockAsync(cancellationToken).ConfigureAwait(false);
        var zone = await FindZoneAsync(name, cancellationToken).ConfigureAwait(false);
        var body = JsonBody.Object(("fieldType", "TXT"), ("subDomain", ZoneCandidates.Relative(name, zone)), ("target", challenge.DnsTxtValue), ("ttl", _ttl));
        var what = $"create TXT {name}";
        using var created = await _api.SendAsync(HttpMethod.Post, $"domain/zone/{zone}/record", body, what, cancellationToken).ConfigureAwait(false);
        return (zone, _api.Read(created, what).Int64("id"));
    }

    // The zone is refreshed once the record is remembered, so a failed refresh still leaves it to clean up.
    protected override Task CreatedAsync((string Zone, long Id) created, CancellationToken cancellationToken) =>
        RefreshAsync(created.Zone, cancellationToken);

    protected override async Task DeleteAsync((string Zone, long Id) created, string name, CancellationToken cancellationToken)
    {
        await SyncClockAsync(cancellationToken).ConfigureAwait(false);
        using (var _ = await _api.SendAsync(HttpMethod.Delete, $"domain/zone/{created.Zone}/record/{created.Id}", null, $"delete TXT {name}", cancellationToken,
            notFoundIsNull: true).ConfigureAwait(false))
        {
        }
        await RefreshAsync(created.Zone, cancellationToken).ConfigureAwait(false);
    }

    private async Task RefreshAsync(string zone, CancellationToken cancellationToken)
    {
        using var _ = await _api.SendAsync(HttpMethod.Post, $"domain/zone/{zone}/refresh", null, $"refresh zone {zone}", cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> FindZoneAsync(string fqdn, CancellationToken cancellationToken)
    {
        using var zones = await _api.SendAsync(HttpMethod.Get, "domain/zone", null, "list zones", cancellationToken).ConfigureAwait(false);
        return ZoneCandidates.Match(fqdn, _api.Read(zones, "list zones").Items().Select(zone => zone.AsString()))
            ?? throw _api.Fail(ZoneCandidates.NotFound("OVH zone", fqdn));
    }

    /// <summary>
    /// Before calls: an OAuth2 token (kept while valid), or for signed requests the server's time,
    /// whose offset from ours is learnt once (the unsigned GET /auth/time).
    /// </summary>
    private async Task SyncClockAsync(CancellationToken cancellationToken)
    {
        if (_oauth is not null) _bearer = await _oauth.GetAsync(cancellationToken).ConfigureAwait(false);
        if (_applicationKey is null || _applicationSecret is null || _consumerKey is null || _clockOffset is not null) return;
        using var answer = await _api.SendAsync(HttpMethod.Get, "auth/time", null, "read the server time", cancellationToken).ConfigureAwait(false);
        _clockOffset = _api.Read(answer, "read the server time").AsInt64() - Time.GetUtcNow().ToUnixTimeSeconds();
    }

    private void Sign(HttpRequestMessage request, string? body)
    {
        // /auth/time is the one unsigned call.
        if (_clockOffset is not { } offset) return;
        var timestamp = (Time.GetUtcNow().ToUnixTimeSeconds() + offset).ToString(CultureInfo.InvariantCulture);
        var text = string.Join('+', _applicationSecret, _consumerKey, request.Method.Method, request.RequestUri!.AbsoluteUri, body ?? "", timestamp);
        request.Headers.Add("X-Ovh-Application", _applicationKey);
        request.Headers.Add("X-Ovh-Consumer", _consumerKey);
        request.Headers.Add("X-Ovh-Timestamp", timestamp);
        request.Headers.Add("X-Ovh-Signature", "$1$" + Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text))));
    }
}
