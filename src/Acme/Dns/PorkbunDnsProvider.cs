using System.Text.Json;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// lego's <c>porkbun</c>, over Porkbun's JSON API v3, where every call is a POST whose body carries
/// <c>apikey</c> and <c>secretapikey</c>: finds the zone among the account's domains
/// (<c>/domain/listAll</c>, 1000 a call, paged by <c>start</c>), creates the record with
/// <c>/dns/create/{domain}</c> (<c>name</c> relative, <c>type</c>, <c>content</c>, <c>ttl</c>) and
/// deletes it by the id it got with <c>/dns/delete/{domain}/{id}</c>. Answers are
/// <c>{"status":"SUCCESS",...}</c> or <c>{"status":"ERROR","message":...}</c>.
/// </summary>
public sealed class PorkbunDnsProvider : RecordIdDnsProvider<(string Zone, string Id)>
{
    public const string ProviderName = "porkbun";
    public static readonly Uri DefaultBaseUrl = new("https://api.porkbun.com/api/json/v3/");
    private const int DomainsPerCall = 1000;
    private const int MaxPages = 100;

    public static DnsProviderVariables Variables { get; } = new(
    [
        new("PORKBUN_API_KEY", "API key") { Secret = true },
        new("PORKBUN_SECRET_API_KEY", "secret API key") { Secret = true },
        new("PORKBUN_TTL", "TTL of the TXT record in seconds") { Default = "300", Kind = DnsVariableKind.WholeNumber },
        new("PORKBUN_PROPAGATION_TIMEOUT", "seconds to wait for the record to be visible") { Default = "600", Kind = DnsVariableKind.Seconds },
        new("PORKBUN_BASE_URL", "API base URL (ConfigLang's; for tests and proxies)") { Default = "https://api.porkbun.com/api/json/v3" },
    ],
    Required: [["PORKBUN_API_KEY", "PORKBUN_SECRET_API_KEY"]]);

    private readonly DnsHttpApi _api;
    private readonly string _apiKey;
    private readonly string _secretKey;
    private readonly int _ttl;

    public PorkbunDnsProvider(ProviderCredentials credentials, HttpClient httpClient)
        : base(ProviderName, credentials.GetSeconds("PORKBUN_PROPAGATION_TIMEOUT") ?? TimeSpan.FromSeconds(600))
    {
        _apiKey = credentials.Require(ProviderName, "PORKBUN_API_KEY");
        _secretKey = credentials.Require(ProviderName, "PORKBUN_SECRET_API_KEY");
        // The keys travel in the body; nothing goes in the headers.
        _api = new DnsHttpApi(ProviderName, httpClient, DnsHttpApi.BaseUrlFrom(credentials.Get("PORKBUN_BASE_URL"), DefaultBaseUrl), credentials.Redactor,
            (_, _) => { }, error => DnsHttpApi.StringAt(error, "message"));
        _ttl = credentials.GetInt("PORKBUN_TTL") ?? 300;
    }

    protected override async Task<(string Zone, string Id)> CreateAsync(ChallengeTask challenge, string name, CancellationToken cancellationToken)
    {
        var zone = await FindZoneAsync(name, cancellationToken).ConfigureAwait(false);
        var what = $"create TXT {name}";
        using var created = await CallAsync($"dns/create/{zone}", what, cancellationToken,
            ("name", ZoneCandidates.Relative(name, zone)), ("type", "TXT"), ("content", challenge.DnsTxtValue), ("ttl", _ttl.ToString(System.Globalization.CultureInfo.InvariantCulture))).ConfigureAwait(false);
        // The id comes as a number or a string, depending on the API's version.
        var answer = _api.Read(created, what);
        var id = answer.Id("id");
        if (id.Length == 0) throw answer.Fail("answer's id is empty");
        return (zone, id);
    }

    protected override async Task DeleteAsync((string Zone, string Id) created, string name, CancellationToken cancellationToken)
    {
        using var _ = await CallAsync($"dns/delete/{created.Zone}/{Uri.EscapeDataString(created.Id)}", $"delete TXT {name}", cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> FindZoneAsync(string fqdn, CancellationToken cancellationToken)
    {
        var domains = new List<string>();
        for (var page = 0; page < MaxPages; page++)
        {
            using var answer = await CallAsync("domain/listAll", "list domains", cancellationToken,
                ("start", (page * DomainsPerCall).ToString(System.Globalization.CultureInfo.InvariantCulture))).ConfigureAwait(false);
            var before = domains.Count;
            // Past the last domain the list is empty, or absent.
            domains.AddRange(_api.Read(answer, "list domains").ArrayOrEmpty("domains").Select(domain => domain.String("domain")));
            if (domains.Count - before < DomainsPerCall) break;
        }
        return ZoneCandidates.Match(fqdn, domains)
            ?? throw _api.Fail(ZoneCandidates.NotFound("Porkbun domain", fqdn));
    }

    /// <summary>A POST with the keys and <paramref name="members"/>; an answer whose status is not SUCCESS is an error.</summary>
    private async Task<JsonDocument> CallAsync(string path, string what, CancellationToken cancellationToken, params (string Name, object? Value)[] members)
    {
        var body = JsonBody.Object([("apikey", _apiKey), ("secretapikey", _secretKey), .. members]);
        var answer = await _api.SendAsync(HttpMethod.Post, path, body, what, cancellationToken).ConfigureAwait(false)
            ?? throw _api.Fail($"{what}: empty answer");
        if (DnsHttpApi.StringAt(answer.RootElement, "status") != "SUCCESS")
        {
            var message = DnsHttpApi.StringAt(answer.RootElement, "message");
            answer.Dispose();
            throw _api.Fail($"{what}: {message ?? "status is not SUCCESS"}");
        }
        return answer;
    }
}
