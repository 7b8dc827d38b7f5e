using System.Net.Http.Headers;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// lego's <c>gandiv5</c>, over Gandi's LiveDNS API v5 (<c>Authorization: Bearer PAT</c>, or
/// <c>Apikey KEY</c> for the deprecated API key): finds the zone with <c>GET /domains/{candidate}</c>
/// (404: not the account's), reads the TXT RRset with <c>GET /domains/{zone}/records/{name}/TXT</c>
/// and writes it whole: <c>POST</c> to create, <c>PUT</c> to replace
/// (<c>{"rrset_ttl","rrset_values":["\"...\""]}</c>), <c>DELETE</c> with the last value. Its own
/// value is added or removed, the others kept; read-modify-write is serialized within the provider.
/// Errors are <c>{"code","message","object","cause"}</c>.
/// </summary>
internal sealed class GandiV5DnsProvider : ValueListDnsProvider<(string Rrset, string Name), string>
{
    public const string ProviderName = "gandiv5";
    public static readonly Uri DefaultBaseUrl = new("https://api.gandi.net/v5/livedns/");

    public static DnsProviderVariables Variables { get; } = new(
    [
        new("GANDIV5_PERSONAL_ACCESS_TOKEN", "personal access token (Bearer)") { Secret = true },
        new("GANDIV5_API_KEY", "API key (deprecated by Gandi)") { Secret = true },
        new("GANDIV5_TTL", "TTL of the TXT record in seconds (Gandi's minimum is 300)") { Default = "300", Kind = DnsVariableKind.WholeNumber },
        new("GANDIV5_PROPAGATION_TIMEOUT", "seconds to wait for the record to be visible") { Default = "1200", Kind = DnsVariableKind.Seconds },
        new("GANDIV5_BASE_URL", "LiveDNS API base URL (ConfigLang's; for tests and the sandbox)") { Default = "https://api.gandi.net/v5/livedns" },
    ],
    Required: [["GANDIV5_PERSONAL_ACCESS_TOKEN"], ["GANDIV5_API_KEY"]]);

    private readonly DnsHttpApi _api;
    private readonly int _ttl;

    public GandiV5DnsProvider(ProviderCredentials credentials, HttpClient httpClient)
        : base(ProviderName, credentials.GetSeconds("GANDIV5_PROPAGATION_TIMEOUT") ?? TimeSpan.FromSeconds(1200))
    {
        var token = credentials.Get("GANDIV5_PERSONAL_ACCESS_TOKEN");
        var key = credentials.Get("GANDIV5_API_KEY");
        var authorization = token is not null ? new AuthenticationHeaderValue("Bearer", token)
            : key is not null ? new AuthenticationHeaderValue("Apikey", key)
            : throw new DnsProviderException(ProviderName, "missing credentials: set " + Variables.DescribeRequired());
        _api = new DnsHttpApi(ProviderName, httpClient, DnsHttpApi.BaseUrlFrom(credentials.Get("GANDIV5_BASE_URL"), DefaultBaseUrl), credentials.Redactor,
            (request, _) => request.Headers.Authorization = authorization,
            error => DnsHttpApi.StringAt(error, "message") is { } message
                ? (DnsHttpApi.StringAt(error, "cause") is { } cause ? $"{cause}: {message}" : message)
                : null);
        _ttl = credentials.GetInt("GANDIV5_TTL") ?? 300;
    }

    protected override async Task<(string Rrset, string Name)> LocateAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        var name = challenge.DnsRecordName.TrimEnd('.');
        var zone = await FindZoneAsync(name, cancellationToken).ConfigureAwait(false);
        return ($"domains/{zone}/records/{Uri.EscapeDataString(ZoneCandidates.Relative(name, zone))}/TXT", name);
    }

    protected override string Ours(ChallengeTask challenge, (string Rrset, string Name) place) => "\"" + challenge.DnsTxtValue + "\"";

    protected override async Task<List<string>?> ReadAsync((string Rrset, string Name) place, CancellationToken cancellationToken)
    {
        var what = $"read TXT {place.Name}";
        using var current = await _api.SendAsync(HttpMethod.Get, place.Rrset, null, what, cancellationToken, notFoundIsNull: true).ConfigureAwait(false);
        // An RRset without its values is an error: writing ours alone would drop the others.
        return current is null ? null : [.. _api.Read(current, what).Array("rrset_values").Select(v => v.AsString())];
    }

    protected override async Task<string?> WriteAsync((string Rrset, string Name) place, List<string>? current, List<string> next, bool add, CancellationToken cancellationToken)
    {
        if (next.Count == 0)
        {
            using var _ = await _api.SendAsync(HttpMethod.Delete, place.Rrset, null, $"delete TXT {place.Name}", cancellationToken, notFoundIsNull: true).ConfigureAwait(false);
            return null;
        }
        var body = JsonBody.Object(("rrset_ttl", _ttl), ("rrset_values", next));
        using var __ = await _api.SendAsync(current is null ? HttpMethod.Post : HttpMethod.Put, place.Rrset, body,
            $"{(add ? "add to" : "remove from")} TXT {place.Name}", cancellationToken).ConfigureAwait(false);
        return null;
    }

    private async Task<string> FindZoneAsync(string fqdn, CancellationToken cancellationToken)
    {
        foreach (var candidate in ZoneCandidates.For(fqdn))
        {
            using var domain = await _api.SendAsync(HttpMethod.Get, $"domains/{candidate}", null, $"look up domain {candidate}", cancellationToken, notFoundIsNull: true).ConfigureAwait(false);
            if (domain is not null) return candidate;
        }
        throw _api.Fail(ZoneCandidates.NotFound("Gandi LiveDNS domain", fqdn));
    }
}
