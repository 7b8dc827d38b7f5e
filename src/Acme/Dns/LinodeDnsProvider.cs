using System.Text.Json;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// lego's <c>linode</c>, over the Linode (Akamai) API v4 with a Bearer token: finds the zone among
/// the account's domains (<c>GET /v4/domains?page=&amp;page_size=</c>, paginated by
/// <c>page</c>/<c>pages</c>), creates the record with <c>POST /v4/domains/{id}/records</c>
/// (<c>{"type":"TXT","name":relative,"target":...,"ttl_sec":...}</c>) and deletes it by the id it got
/// with <c>DELETE /v4/domains/{id}/records/{record}</c>. Errors are <c>{"errors":[{"reason":...}]}</c>.
/// </summary>
public sealed class LinodeDnsProvider : RecordIdDnsProvider<(long Domain, long Record)>
{
    public const string ProviderName = "linode";
    public static readonly Uri DefaultBaseUrl = new("https://api.linode.com/v4/");
    private const int PageSize = 500;
    private const int MaxPages = 100;

    public static DnsProviderVariables Variables { get; } = new(
    [
        new("LINODE_TOKEN", "personal access token with Domains read/write (Bearer)") { Secret = true },
        new("LINODE_TTL", "TTL of the TXT record in seconds") { Default = "300", Kind = DnsVariableKind.WholeNumber },
        new("LINODE_PROPAGATION_TIMEOUT", "seconds to wait for the record to be visible") { Default = "120", Kind = DnsVariableKind.Seconds },
        new("LINODE_BASE_URL", "API base URL (ConfigLang's; for tests and proxies)") { Default = "https://api.linode.com/v4" },
    ],
    Required: [["LINODE_TOKEN"]]);

    private readonly DnsHttpApi _api;
    private readonly int _ttl;

    public LinodeDnsProvider(ProviderCredentials credentials, HttpClient httpClient)
        : base(ProviderName, credentials.GetSeconds("LINODE_PROPAGATION_TIMEOUT") ?? TimeSpan.FromSeconds(120))
    {
        var token = credentials.Require(ProviderName, "LINODE_TOKEN");
        _api = new DnsHttpApi(ProviderName, httpClient, DnsHttpApi.BaseUrlFrom(credentials.Get("LINODE_BASE_URL"), DefaultBaseUrl), credentials.Redactor,
            DnsHttpApi.Bearer(token),
            answer => answer.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
                ? string.Join("; ", errors.EnumerateArray().Select(e => DnsHttpApi.StringAt(e, "field") is { } field ? $"{field}: {DnsHttpApi.StringAt(e, "reason")}" : DnsHttpApi.StringAt(e, "reason")))
                : null);
        _ttl = credentials.GetInt("LINODE_TTL") ?? 300;
    }

    protected override async Task<(long Domain, long Record)> CreateAsync(ChallengeTask challenge, string name, CancellationToken cancellationToken)
    {
        var (domainId, zone) = await FindZoneAsync(name, cancellationToken).ConfigureAwait(false);
        var body = JsonBody.Object(("type", "TXT"), ("name", ZoneCandidates.Relative(name, zone)), ("target", challenge.DnsTxtValue), ("ttl_sec", _ttl));
        var what = $"create TXT {name}";
        using var created = await _api.SendAsync(HttpMethod.Post, $"domains/{domainId}/records", body, what, cancellationToken).ConfigureAwait(false);
        return (domainId, _api.Read(created, what).Int64("id"));
    }

    protected override async Task DeleteAsync((long Domain, long Record) created, string name, CancellationToken cancellationToken)
    {
        using var _ = await _api.SendAsync(HttpMethod.Delete, $"domains/{created.Domain}/records/{created.Record}", null, $"delete TXT {name}", cancellationToken,
            notFoundIsNull: true).ConfigureAwait(false);
    }

    private async Task<(long Id, string Name)> FindZoneAsync(string fqdn, CancellationToken cancellationToken)
    {
        var domains = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        for (var page = 1; page <= MaxPages; page++)
        {
            using var answer = await _api.SendAsync(HttpMethod.Get, $"domains?page={page}&page_size={PageSize}", null, "list domains", cancellationToken).ConfigureAwait(false);
            var root = _api.Read(answer, "list domains");
            foreach (var domain in root.Array("data")) domains[domain.String("domain")] = domain.Int64("id");
            var pages = root.Int32OrNull("pages") ?? 1;
            if (page >= pages) break;
        }
        var zone = ZoneCandidates.Match(fqdn, domains.Keys)
            ?? throw _api.Fail(ZoneCandidates.NotFound("Linode domain", fqdn));
        return (domains[zone], zone);
    }
}
