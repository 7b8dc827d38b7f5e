using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// lego's <c>godaddy</c>, over the GoDaddy Domains API v1 (<c>Authorization: sso-key KEY:SECRET</c>):
/// finds the zone with <c>GET /v1/domains/{candidate}</c> (404: not the account's), adds the record
/// with <c>PATCH /v1/domains/{domain}/records</c> (<c>[{"type":"TXT","name","data","ttl"}]</c>, which
/// keeps the others), and for cleanup reads <c>GET .../records/TXT/{name}</c>, then writes back all
/// values but its own with <c>PUT</c>, or <c>DELETE</c>s the name when none is left. GoDaddy records
/// have no id, so read-modify-write is serialized within the provider. Errors are
/// <c>{"code":...,"message":...}</c>.
/// </summary>
internal sealed class GoDaddyDnsProvider : ValueListDnsProvider<(string Zone, string Relative, string Name), (string Data, int Ttl)>
{
    public const string ProviderName = "godaddy";
    public static readonly Uri DefaultBaseUrl = new("https://api.godaddy.com/v1/");

    public static DnsProviderVariables Variables { get; } = new(
    [
        new("GODADDY_API_KEY", "API key") { Secret = true },
        new("GODADDY_API_SECRET", "API secret") { Secret = true },
        new("GODADDY_TTL", "TTL of the TXT record in seconds") { Default = "600", Kind = DnsVariableKind.WholeNumber },
        new("GODADDY_PROPAGATION_TIMEOUT", "seconds to wait for the record to be visible") { Default = "120", Kind = DnsVariableKind.Seconds },
        new("GODADDY_BASE_URL", "API base URL (ConfigLang's; for tests and the OTE environment)") { Default = "https://api.godaddy.com/v1" },
    ],
    Required: [["GODADDY_API_KEY", "GODADDY_API_SECRET"]]);

    private readonly DnsHttpApi _api;
    private readonly int _ttl;

    public GoDaddyDnsProvider(ProviderCredentials credentials, HttpClient httpClient)
        : base(ProviderName, credentials.GetSeconds("GODADDY_PROPAGATION_TIMEOUT") ?? TimeSpan.FromSeconds(120))
    {
        var key = credentials.Require(ProviderName, "GODADDY_API_KEY");
        var secret = credentials.Require(ProviderName, "GODADDY_API_SECRET");
        _api = new DnsHttpApi(ProviderName, httpClient, DnsHttpApi.BaseUrlFrom(credentials.Get("GODADDY_BASE_URL"), DefaultBaseUrl), credentials.Redactor,
            (request, _) => request.Headers.TryAddWithoutValidation("Authorization", $"sso-key {key}:{secret}"),
            error => DnsHttpApi.StringAt(error, "message") is { } message ? $"{DnsHttpApi.StringAt(error, "code")}: {message}" : null);
        _ttl = credentials.GetInt("GODADDY_TTL") ?? 600;
    }

    protected override async Task<(string Zone, string Relative, string Name)> LocateAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        var name = challenge.DnsRecordName.TrimEnd('.');
        var zone = await FindZoneAsync(name, cancellationToken).ConfigureAwait(false);
        return (zone, ZoneCandidates.Relative(name, zone), name);
    }

    protected override (string Data, int Ttl) Ours(ChallengeTask challenge, (string Zone, string Relative, string Name) place) => (challenge.DnsTxtValue, _ttl);

    // A record with our value is ours whatever its TTL.
    protected override bool IsOurs((string Data, int Ttl) value, (string Data, int Ttl) ours) => value.Data == ours.Data;

    /// <summary>PATCH adds records and keeps the others: no read needed.</summary>
    protected override async Task<bool> AddAloneAsync((string Zone, string Relative, string Name) place, (string Data, int Ttl) ours, CancellationToken cancellationToken)
    {
        (string, object?)[] record = [("type", "TXT"), ("name", place.Relative), ("data", ours.Data), ("ttl", ours.Ttl)];
        using var _ = await _api.SendAsync(HttpMethod.Patch, $"domains/{place.Zone}/records", JsonBody.Array(new object[] { record }), $"add TXT {place.Name}",
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    protected override async Task<List<(string Data, int Ttl)>?> ReadAsync((string Zone, string Relative, string Name) place, CancellationToken cancellationToken)
    {
        var what = $"read TXT {place.Name}";
        using var current = await _api.SendAsync(HttpMethod.Get, RecordsPath(place), null, what, cancellationToken, notFoundIsNull: true).ConfigureAwait(false);
        // Records in another shape are an error: written back, they would replace the others with blanks.
        return current is null ? null
            : [.. _api.Read(current, what).Items().Select(r => (Data: r.String("data"), Ttl: r.Int32OrNull("ttl") ?? _ttl))];
    }

    protected override async Task<string?> WriteAsync((string Zone, string Relative, string Name) place, List<(string Data, int Ttl)>? current, List<(string Data, int Ttl)> next,
        bool add, CancellationToken cancellationToken)
    {
        if (next.Count == 0)
        {
            using var _ = await _api.SendAsync(HttpMethod.Delete, RecordsPath(place), null, $"delete TXT {place.Name}", cancellationToken, notFoundIsNull: true).ConfigureAwait(false);
            return null;
        }
        // Only a cleanup writes the set back: a value is added alone (AddAloneAsync).
        var body = JsonBody.Array([.. next.Select(r => (object)new (string, object?)[] { ("data", r.Data), ("ttl", r.Ttl) })]);
        using var __ = await _api.SendAsync(HttpMethod.Put, RecordsPath(place), body, $"remove from TXT {place.Name}", cancellationToken).ConfigureAwait(false);
        return null;
    }

    private static string RecordsPath((string Zone, string Relative, string Name) place) => $"domains/{place.Zone}/records/TXT/{Uri.EscapeDataString(place.Relative)}";

    private async Task<string> FindZoneAsync(string fqdn, CancellationToken cancellationToken)
    {
        foreach (var candidate in ZoneCandidates.For(fqdn))
        {
            using var domain = await _api.SendAsync(HttpMethod.Get, $"domains/{candidate}", null, $"look up domain {candidate}", cancellationToken, notFoundIsNull: true).ConfigureAwait(false);
            if (domain is not null) return candidate;
        }
        throw _api.Fail(ZoneCandidates.NotFound("GoDaddy domain", fqdn));
    }
}
