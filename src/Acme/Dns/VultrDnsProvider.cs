using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// lego's <c>vultr</c>, over the Vultr API v2 with a Bearer API key: finds the zone among the
/// account's domains (<c>GET /v2/domains?per_page=&amp;cursor=</c>, paginated by
/// <c>meta.links.next</c>), creates the record with <c>POST /v2/domains/{domain}/records</c>
/// (<c>{"name":relative,"type":"TXT","data":"\"...\"","ttl":...}</c>) and deletes it by the id it
/// got with <c>DELETE /v2/domains/{domain}/records/{id}</c>. Errors are <c>{"error":...,"status":n}</c>.
/// </summary>
public sealed class VultrDnsProvider : RecordIdDnsProvider<(string Zone, string Id)>
{
    public const string ProviderName = "vultr";
    public static readonly Uri DefaultBaseUrl = new("https://api.vultr.com/v2/");
    private const int PageSize = 500;
    private const int MaxPages = 100;

    public static DnsProviderVariables Variables { get; } = new(
    [
        new("VULTR_API_KEY", "API key (Bearer)") { Secret = true },
        new("VULTR_TTL", "TTL of the TXT record in seconds") { Default = "120", Kind = DnsVariableKind.WholeNumber },
        new("VULTR_PROPAGATION_TIMEOUT", "seconds to wait for the record to be visible") { Default = "60", Kind = DnsVariableKind.Seconds },
        new("VULTR_BASE_URL", "API base URL (ConfigLang's; for tests and proxies)") { Default = "https://api.vultr.com/v2" },
    ],
    Required: [["VULTR_API_KEY"]]);

    private readonly DnsHttpApi _api;
    private readonly int _ttl;

    public VultrDnsProvider(ProviderCredentials credentials, HttpClient httpClient)
        : base(ProviderName, credentials.GetSeconds("VULTR_PROPAGATION_TIMEOUT") ?? TimeSpan.FromSeconds(60))
    {
        var key = credentials.Require(ProviderName, "VULTR_API_KEY");
        _api = new DnsHttpApi(ProviderName, httpClient, DnsHttpApi.BaseUrlFrom(credentials.Get("VULTR_BASE_URL"), DefaultBaseUrl), credentials.Redactor,
            DnsHttpApi.Bearer(key),
            error => DnsHttpApi.StringAt(error, "error"));
        _ttl = credentials.GetInt("VULTR_TTL") ?? 120;
    }

    protected override async Task<(string Zone, string Id)> CreateAsync(ChallengeTask challenge, string name, CancellationToken cancellationToken)
    {
        var zone = await FindZoneAsync(name, cancellationToken).ConfigureAwait(false);
        var body = JsonBody.Object(("name", ZoneCandidates.Relative(name, zone)), ("type", "TXT"), ("data", "\"" + challenge.DnsTxtValue + "\""), ("ttl", _ttl), ("priority", 0));
        var what = $"create TXT {name}";
        using var created = await _api.SendAsync(HttpMethod.Post, $"domains/{zone}/records", body, what, cancellationToken).ConfigureAwait(false);
        var record = _api.Read(created, what).Object("record");
        var id = record.String("id");
        if (id.Length == 0) throw record.Fail("answer's record.id is empty");
        return (zone, id);
    }

    protected override async Task DeleteAsync((string Zone, string Id) created, string name, CancellationToken cancellationToken)
    {
        using var _ = await _api.SendAsync(HttpMethod.Delete, $"domains/{created.Zone}/records/{Uri.EscapeDataString(created.Id)}", null, $"delete TXT {name}",
            cancellationToken, notFoundIsNull: true).ConfigureAwait(false);
    }

    private async Task<string> FindZoneAsync(string fqdn, CancellationToken cancellationToken)
    {
        var domains = new List<string>();
        var cursor = "";
        for (var page = 0; page < MaxPages; page++)
        {
            var query = $"domains?per_page={PageSize}" + (cursor.Length > 0 ? "&cursor=" + Uri.EscapeDataString(cursor) : "");
            using var answer = await _api.SendAsync(HttpMethod.Get, query, null, "list domains", cancellationToken).ConfigureAwait(false);
            var root = _api.Read(answer, "list domains");
            domains.AddRange(root.Array("domains").Select(domain => domain.String("domain")));
            // The last page's meta.links.next is empty.
            cursor = root.ObjectOrNull("meta")?.ObjectOrNull("links")?.StringOrNull("next") ?? "";
            if (cursor.Length == 0) break;
        }
        return ZoneCandidates.Match(fqdn, domains)
            ?? throw _api.Fail(ZoneCandidates.NotFound("Vultr domain", fqdn));
    }
}
