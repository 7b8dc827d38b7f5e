using System.Net.Http.Headers;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// lego's <c>desec</c>, over the deSEC API (<c>Authorization: Token ...</c>): finds the zone with
/// <c>GET /api/v1/domains/?owns_qname=</c>, reads the TXT RRset with
/// <c>GET /api/v1/domains/{domain}/rrsets/{subname}/TXT/</c> (404: none yet), and writes it whole:
/// <c>POST .../rrsets/</c> (<c>{"subname","type":"TXT","ttl","records":["\"...\""]}</c>) to create,
/// <c>PATCH .../rrsets/{subname}/TXT/</c> (<c>{"records":[...]}</c>; empty deletes it) to change.
/// Its own value is added or removed and the others kept, so a wildcard's value on the same name
/// stays; read-modify-write is serialized within the provider (<see cref="ValueSetDnsProvider{TPlace, TSet, TValue}"/>). Errors are <c>{"detail":...}</c>.
/// </summary>
internal sealed class DesecDnsProvider : ValueListDnsProvider<(string Domain, string Subname, string Name), string>
{
    public const string ProviderName = "desec";
    public static readonly Uri DefaultBaseUrl = new("https://desec.io/api/v1/");

    public static DnsProviderVariables Variables { get; } = new(
    [
        new("DESEC_TOKEN", "deSEC API token") { Secret = true },
        new("DESEC_TTL", "TTL of the TXT record in seconds (deSEC's minimum is 3600)") { Default = "3600", Kind = DnsVariableKind.WholeNumber },
        new("DESEC_PROPAGATION_TIMEOUT", "seconds to wait for the record to be visible") { Default = "120", Kind = DnsVariableKind.Seconds },
        new("DESEC_BASE_URL", "API base URL (ConfigLang's; for tests and proxies)") { Default = "https://desec.io/api/v1" },
    ],
    Required: [["DESEC_TOKEN"]]);

    private readonly DnsHttpApi _api;
    private readonly int _ttl;

    public DesecDnsProvider(ProviderCredentials credentials, HttpClient httpClient)
        : base(ProviderName, credentials.GetSeconds("DESEC_PROPAGATION_TIMEOUT") ?? TimeSpan.FromSeconds(120))
    {
        var token = credentials.Require(ProviderName, "DESEC_TOKEN");
        _api = new DnsHttpApi(ProviderName, httpClient, DnsHttpApi.BaseUrlFrom(credentials.Get("DESEC_BASE_URL"), DefaultBaseUrl), credentials.Redactor,
            (request, _) => request.Headers.Authorization = new AuthenticationHeaderValue("Token", token),
            error => DnsHttpApi.StringAt(error, "detail"));
        _ttl = credentials.GetInt("DESEC_TTL") ?? 3600;
    }

    protected override async Task<(string Domain, string Subname, string Name)> LocateAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        var name = challenge.DnsRecordName.TrimEnd('.');
        var domain = await FindZoneAsync(name, cancellationToken).ConfigureAwait(false);
        return (domain, ZoneCandidates.Relative(name, domain), name);
    }

    protected override string Ours(ChallengeTask challenge, (string Domain, string Subname, string Name) place) => "\"" + challenge.DnsTxtValue + "\"";

    protected override async Task<List<string>?> ReadAsync((string Domain, string Subname, string Name) place, CancellationToken cancellationToken)
    {
        var what = $"read TXT {place.Name}";
        using var current = await _api.SendAsync(HttpMethod.Get, RrsetPath(place), null, what, cancellationToken, notFoundIsNull: true).ConfigureAwait(false);
        // An RRset without its records is an error: writing ours alone would drop the others.
        return current is null ? null : [.. _api.Read(current, what).Array("records").Select(r => r.AsString())];
    }

    protected override async Task<string?> WriteAsync((string Domain, string Subname, string Name) place, List<string>? current, List<string> next, bool add,
        CancellationToken cancellationToken)
    {
        if (current is null)
        {
            using var _ = await _api.SendAsync(HttpMethod.Post, $"domains/{place.Domain}/rrsets/",
                JsonBody.Object(("subname", place.Subname), ("type", "TXT"), ("ttl", _ttl), ("records", next)),
                $"create TXT {place.Name}", cancellationToken).ConfigureAwait(false);
            return null;
        }
        // Empty records delete the RRset.
        using var __ = await _api.SendAsync(HttpMethod.Patch, RrsetPath(place), JsonBody.Object(("records", next)),
            $"{(add ? "add to" : "remove from")} TXT {place.Name}", cancellationToken).ConfigureAwait(false);
        return null;
    }

    private static string RrsetPath((string Domain, string Subname, string Name) place) => $"domains/{place.Domain}/rrsets/{Uri.EscapeDataString(place.Subname)}/TXT/";

    private async Task<string> FindZoneAsync(string fqdn, CancellationToken cancellationToken)
    {
        var what = $"look up the zone of {fqdn}";
        using var answer = await _api.SendAsync(HttpMethod.Get, "domains/?owns_qname=" + Uri.EscapeDataString(fqdn), null, what, cancellationToken).ConfigureAwait(false);
        return _api.Read(answer, what).Items().Select(domain => domain.String("name")).FirstOrDefault()
            ?? throw _api.Fail($"no deSEC domain holds {fqdn}");
    }
}
