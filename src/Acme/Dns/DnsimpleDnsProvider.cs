using System.Text.Json;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// lego's <c>dnsimple</c>, over the DNSimple API v2 with a Bearer account token: learns the account
/// with <c>GET /v2/whoami</c>, finds the zone with <c>GET /v2/{account}/zones/{candidate}</c> (404:
/// not the account's), creates the record with <c>POST /v2/{account}/zones/{zone}/records</c>
/// (<c>{"name":relative,"type":"TXT","content":...,"ttl":...}</c>) and deletes it by the id it got
/// with <c>DELETE .../records/{id}</c>. Errors are <c>{"message":...,"errors":{field:[...]}}</c>.
/// </summary>
public sealed class DnsimpleDnsProvider : RecordIdDnsProvider<(string Zone, long Id)>
{
    public const string ProviderName = "dnsimple";
    public static readonly Uri DefaultBaseUrl = new("https://api.dnsimple.com/");

    public static DnsProviderVariables Variables { get; } = new(
    [
        new("DNSIMPLE_OAUTH_TOKEN", "account API token (Bearer)") { Secret = true },
        new("DNSIMPLE_TTL", "TTL of the TXT record in seconds") { Default = "120", Kind = DnsVariableKind.WholeNumber },
        new("DNSIMPLE_PROPAGATION_TIMEOUT", "seconds to wait for the record to be visible") { Default = "60", Kind = DnsVariableKind.Seconds },
        new("DNSIMPLE_BASE_URL", "API endpoint URL") { Default = "https://api.dnsimple.com" },
    ],
    Required: [["DNSIMPLE_OAUTH_TOKEN"]]);

    private readonly DnsHttpApi _api;
    private readonly int _ttl;
    private long? _account;

    public DnsimpleDnsProvider(ProviderCredentials credentials, HttpClient httpClient)
        : base(ProviderName, credentials.GetSeconds("DNSIMPLE_PROPAGATION_TIMEOUT") ?? TimeSpan.FromSeconds(60))
    {
        var token = credentials.Require(ProviderName, "DNSIMPLE_OAUTH_TOKEN");
        _api = new DnsHttpApi(ProviderName, httpClient, DnsHttpApi.BaseUrlFrom(credentials.Get("DNSIMPLE_BASE_URL"), DefaultBaseUrl), credentials.Redactor,
            DnsHttpApi.Bearer(token),
            Describe);
        _ttl = credentials.GetInt("DNSIMPLE_TTL") ?? 120;
    }

    protected override async Task<(string Zone, long Id)> CreateAsync(ChallengeTask challenge, string name, CancellationToken cancellationToken)
    {
        var account = await AccountAsync(cancellationToken).ConfigureAwait(false);
        var zone = await FindZoneAsync(account, name, cancellationToken).ConfigureAwait(false);
        var body = JsonBody.Object(("name", ZoneCandidates.Relative(name, zone)), ("type", "TXT"), ("content", challenge.DnsTxtValue), ("ttl", _ttl));
        var what = $"create TXT {name}";
        using var created = await _api.SendAsync(HttpMethod.Post, $"v2/{account}/zones/{zone}/records", body, what, cancellationToken).ConfigureAwait(false);
        return (zone, _api.Read(created, what).Object("data").Int64("id"));
    }

    protected override async Task DeleteAsync((string Zone, long Id) created, string name, CancellationToken cancellationToken)
    {
        var account = await AccountAsync(cancellationToken).ConfigureAwait(false);
        using var _ = await _api.SendAsync(HttpMethod.Delete, $"v2/{account}/zones/{created.Zone}/records/{created.Id}", null, $"delete TXT {name}",
            cancellationToken, notFoundIsNull: true).ConfigureAwait(false);
    }

    /// <summary>The account the token belongs to; a user token has none, and DNSimple wants an account token here.</summary>
    private async Task<long> AccountAsync(CancellationToken cancellationToken)
    {
        if (_account is { } known) return known;
        using var whoami = await _api.SendAsync(HttpMethod.Get, "v2/whoami", null, "identify the account", cancellationToken).ConfigureAwait(false);
        // A user token's whoami has "account": null.
        var account = _api.Read(whoami, "identify the account").Object("data").ObjectOrNull("account")
            ?? throw _api.Fail("identify the account: the token is not an account token (whoami names no account)");
        _account = account.Int64("id");
        return _account.Value;
    }

    private async Task<string> FindZoneAsync(long account, string fqdn, CancellationToken cancellationToken)
    {
        foreach (var candidate in ZoneCandidates.For(fqdn))
        {
            using var zone = await _api.SendAsync(HttpMethod.Get, $"v2/{account}/zones/{candidate}", null, $"look up zone {candidate}", cancellationToken,
                notFoundIsNull: true).ConfigureAwait(false);
            if (zone is not null) return candidate;
        }
        throw _api.Fail(ZoneCandidates.NotFound("DNSimple zone", fqdn));
    }

    private static string? Describe(JsonElement error)
    {
        var message = DnsHttpApi.StringAt(error, "message");
        if (message is null || !error.TryGetProperty("errors", out var fields) || fields.ValueKind != JsonValueKind.Object) return message;
        var details = fields.EnumerateObject().Select(f => $"{f.Name}: {string.Join(", ", f.Value.ValueKind == JsonValueKind.Array ? f.Value.EnumerateArray().Select(e => e.ToString()) : [f.Value.ToString()])}");
        return $"{message} ({string.Join("; ", details)})";
    }
}
