using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// lego's <c>digitalocean</c>, over the DigitalOcean v2 API with a Bearer token: finds the zone
/// among the account's domains (<c>GET /v2/domains?page=&amp;per_page=</c>, paginated by
/// <c>links.pages.next</c>), creates the record with <c>POST /v2/domains/{domain}/records</c>
/// (<c>{"type":"TXT","name":relative,"data":...,"ttl":...}</c>) and deletes it by the id it got
/// with <c>DELETE /v2/domains/{domain}/records/{id}</c>. Errors are <c>{"id":...,"message":...}</c>.
/// </summary>
public sealed class DigitalOceanDnsProvider : RecordIdDnsProvider<(string Zone, long Id)>
{
    public const string ProviderName = "digitalocean";
    public static readonly Uri DefaultBaseUrl = new("https://api.digitalocean.com/");
    private const int PageSize = 200;
    private const int MaxPages = 100;

    public static DnsProviderVariables Variables { get; } = new(
    [
        new("DO_AUTH_TOKEN", "personal access token with write scope (Bearer)") { Secret = true },
        new("DO_TTL", "TTL of the TXT record in seconds") { Default = "30", Kind = DnsVariableKind.WholeNumber },
        new("DO_PROPAGATION_TIMEOUT", "seconds to wait for the record to be visible") { Default = "60", Kind = DnsVariableKind.Seconds },
        new("DO_API_URL", "API base URL") { Default = "https://api.digitalocean.com" },
    ],
    Required: [["DO_AUTH_TOKEN"]]);

    private readonly DnsHttpApi _api;
    private readonly int _ttl;

    public DigitalOceanDnsProvider(ProviderCredentials credentials, HttpClient httpClient)
        : base(ProviderName, credentials.GetSeconds("DO_PROPAGATION_TIMEOUT") ?? TimeSpan.FromSeconds(60))
    {
        var token = credentials.Require(ProviderName, "DO_AUTH_TOKEN");
        _api = new DnsHttpApi(ProviderName, httpClient, DnsHttpApi.BaseUrlFrom(credentials.Get("DO_API_URL"), DefaultBaseUrl), credentials.Redactor,
            DnsHttpApi.Bearer(token),
            error => DnsHttpApi.StringAt(error, "message") is { } message ? $"{DnsHttpApi.StringAt(error, "id")}: {message}" : null);
        _ttl = credentials.GetInt("DO_TTL") ?? 30;
    }

    protected override async Task<(string Zone, long Id)> CreateAsync(ChallengeTask challenge, string name, CancellationToken cancellationToken)
    {
        var zone = await FindZoneAsync(challenge.DnsRecordName, cancellationToken).ConfigureAwait(false);
        var body = JsonBody.Object(("type", "TXT"), ("name", ZoneCandidates.Relative(name, zone)), ("data", challenge.DnsTxtValue), ("ttl", _ttl));
        var what = $"create TXT {name}";
        using var created = await _api.SendAsync(HttpMethod.Post, $"v2/domains/{zone}/records", body, what, cancellationToken).ConfigureAwait(false);
        return (zone, _api.Read(created, what).Object("domain_record").Int64("id"));
    }

    protected override async Task DeleteAsync((string Zone, long Id) created, string name, CancellationToken cancellationToken)
    {
        using var _ = await _api.SendAsync(HttpMethod.Delete, $"v2/domains/{created.Zone}/records/{created.Id}", null, $"delete TXT {name}", cancellationToken,
            notFoundIsNull: true).ConfigureAwait(false);
    }

    private async Task<string> FindZoneAsync(string fqdn, CancellationToken cancellationToken)
    {
        var domains = new List<string>();
        var mostSpecific = ZoneCandidates.For(fqdn).FirstOrDefault();
        for (var page = 1; page <= MaxPages; page++)
        {
            using var answer = await _api.SendAsync(HttpMethod.Get, $"v2/domains?page={page}&per_page={PageSize}", null, "list domains", cancellationToken).ConfigureAwait(false);
            var root = _api.Read(answer, "list domains");
            domains.AddRange(root.Array("domains").Select(domain => domain.String("name")));
            // A later page may hold a more specific zone, unless the most specific one is found.
            if (ZoneCandidates.Match(fqdn, domains) is { } found && found == mostSpecific) return found;
            // links.pages is absent on a single page, and has no next on the last.
            if (root.ObjectOrNull("links")?.ObjectOrNull("pages")?.StringOrNull("next") is null) break;
        }
        return ZoneCandidates.Match(fqdn, domains)
            ?? throw _api.Fail(ZoneCandidates.NotFound("DigitalOcean domain", fqdn));
    }
}
