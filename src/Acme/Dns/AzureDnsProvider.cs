using System.Net.Http.Headers;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// lego's <c>azuredns</c>, over Azure Resource Manager with a service principal's client
/// credentials (token from <c>{authority}/{tenant}/oauth2/v2.0/token</c>, scope
/// <c>{management}/.default</c>): finds the zone among the subscription's (or resource group's)
/// <c>Microsoft.Network/dnsZones</c> (<c>privateDnsZones</c> with AZURE_PRIVATE_ZONE), paged by
/// <c>nextLink</c> on the same host, reads the TXT record set <c>{zone id}/TXT/{name}</c> and
/// writes it whole with <c>PUT</c> (<c>{"properties":{"TTL","TXTRecords":[{"value":[...]}]}}</c>), or
/// <c>DELETE</c>s it with the last value; its own value added or removed and the others kept,
/// serialized within the provider (<see cref="ValueSetDnsProvider{TPlace, TSet, TValue}"/>). Errors are <c>{"error":{"code","message"}}</c>.
/// </summary>
internal sealed class AzureDnsProvider : ValueListDnsProvider<(string RecordSet, string Name), string>
{
    public const string ProviderName = "azuredns";
    private const string PublicApiVersion = "2018-05-01";
    private const string PrivateApiVersion = "2018-09-01";

    /// <summary>AZURE_ENVIRONMENT: the ARM endpoint and the login authority of each cloud.</summary>
    private static readonly IReadOnlyDictionary<string, (string Management, string Authority)> Clouds =
        new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase)
        {
            ["public"] = ("https://management.azure.com/", "https://login.microsoftonline.com/"),
            ["usgovernment"] = ("https://management.usgovcloudapi.net/", "https://login.microsoftonline.us/"),
            ["china"] = ("https://management.chinacloudapi.cn/", "https://login.chinacloudapi.cn/"),
        };

    public static DnsProviderVariables Variables { get; } = new(
    [
        new("AZURE_CLIENT_ID", "service principal's client (application) id"),
        new("AZURE_CLIENT_SECRET", "service principal's client secret") { Secret = true },
        new("AZURE_TENANT_ID", "tenant (directory) id"),
        new("AZURE_SUBSCRIPTION_ID", "subscription holding the zone"),
        new("AZURE_RESOURCE_GROUP", "resource group holding the zone (default: any of the subscription's)"),
        new("AZURE_ZONE_NAME", "zone name, when the lookup should not guess"),
        new("AZURE_PRIVATE_ZONE", "true: the zone is an Azure Private DNS zone") { Default = "false" },
        new("AZURE_ENVIRONMENT", "public, usgovernment or china") { Default = "public" },
        new("AZURE_TTL", "TTL of the TXT record in seconds") { Default = "60", Kind = DnsVariableKind.WholeNumber },
        new("AZURE_PROPAGATION_TIMEOUT", "seconds to wait for the record to be visible") { Default = "120", Kind = DnsVariableKind.Seconds },
        new("AZURE_BASE_URL", "Resource Manager URL (ConfigLang's; for tests)") { Default = "https://management.azure.com" },
        new("AZURE_AUTHORITY_URL", "login authority URL (ConfigLang's; for tests)") { Default = "https://login.microsoftonline.com" },
    ],
    Required: [["AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_TENANT_ID", "AZURE_SUBSCRIPTION_ID"]]);

    private readonly DnsHttpApi _api;
    private readonly OAuthAccessToken _token;
    private readonly string _scope;
    private readonly string? _zoneName;
    private readonly bool _private;
    private readonly int _ttl;
    private string? _accessToken;

    public AzureDnsProvider(ProviderCredentials credentials, HttpClient httpClient, TimeProvider? time = null)
        : base(ProviderName, credentials.GetSeconds("AZURE_PROPAGATION_TIMEOUT") ?? TimeSpan.FromSeconds(120))
    {
        var clientId = credentials.Require(ProviderName, "AZURE_CLIENT_ID");
        var clientSecret = credentials.Require(ProviderName, "AZURE_CLIENT_SECRET");
        var tenant = credentials.Require(ProviderName, "AZURE_TENANT_ID");
        var subscription = credentials.Require(ProviderName, "AZURE_SUBSCRIPTION_ID");
        var environment = credentials.Get("AZURE_ENVIRONMENT") ?? "public";
        if (!Clouds.TryGetValue(environment, out var cloud))
            throw new DnsProviderException(ProviderName, $"AZURE_ENVIRONMENT '{environment}' is not one of {string.Join(", ", Clouds.Keys)}");
        var management = new Uri(credentials.Get("AZURE_BASE_URL") ?? cloud.Management);
        var authority = (credentials.Get("AZURE_AUTHORITY_URL") ?? cloud.Authority).TrimEnd('/');
        _private = credentials.Get("AZURE_PRIVATE_ZONE") is { } p && (p == "1" || p.Equals("true", StringComparison.OrdinalIgnoreCase));
        _zoneName = credentials.Get("AZURE_ZONE_NAME")?.TrimEnd('.');
        _ttl = credentials.GetInt("AZURE_TTL") ?? 60;
        // The scope is the cloud's management endpoint, also when tests point the API elsewhere.
        _scope = cloud.Management + ".default";
        _token = new OAuthAccessToken(ProviderName, httpClient, new Uri($"{authority}/{Uri.EscapeDataString(tenant)}/oauth2/v2.0/token"), credentials.Redactor,
            () => [("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", clientSecret), ("scope", _scope)], time);
        var scopePath = $"subscriptions/{Uri.EscapeDataString(subscription)}/"
            + (credentials.Get("AZURE_RESOURCE_GROUP") is { } group ? $"resourceGroups/{Uri.EscapeDataString(group)}/" : "");
        _api = new DnsHttpApi(ProviderName, httpClient, management, credentials.Redactor,
            (request, _) => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _accessToken),
            answer => answer.TryGetProperty("error", out var error) && DnsHttpApi.StringAt(error, "message") is { } message
                ? $"{DnsHttpApi.StringAt(error, "code")}: {message}"
                : null);
        ZonesPath = $"{scopePath}providers/Microsoft.Network/{(_private ? "privateDnsZones" : "dnsZones")}?api-version={ApiVersion}";
    }

    private string ApiVersion => _private ? PrivateApiVersion : PublicApiVersion;

    private string ZonesPath { get; }

    protected override async Task<(string RecordSet, string Name)> LocateAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        var name = challenge.DnsRecordName.TrimEnd('.');
        _accessToken = await _token.GetAsync(cancellationToken).ConfigureAwait(false);
        var (zoneId, zoneName) = await FindZoneAsync(name, cancellationToken).ConfigureAwait(false);
        return ($"{zoneId.TrimStart('/')}/TXT/{Uri.EscapeDataString(ZoneCandidates.Relative(name, zoneName))}?api-version={ApiVersion}", name);
    }

    protected override string Ours(ChallengeTask challenge, (string RecordSet, string Name) place) => challenge.DnsTxtValue;

    protected override async Task<List<string>?> ReadAsync((string RecordSet, string Name) place, CancellationToken cancellationToken)
    {
        var what = $"read TXT {place.Name}";
        using var current = await _api.SendAsync(HttpMethod.Get, place.RecordSet, null, what, cancellationToken, notFoundIsNull: true).ConfigureAwait(false);
        // A record set without its records is an error: writing ours alone would drop the others.
        // One TXT record is a list of strings, joined as DNS joins them.
        return current is null ? null
            : [.. _api.Read(current, what).Object("properties").Array("TXTRecords").Select(r => string.Concat(r.Array("value").Select(s => s.AsString())))];
    }

    protected override async Task<string?> WriteAsync((string RecordSet, string Name) place, List<string>? current, List<string> next, bool add, CancellationToken cancellationToken)
    {
        if (next.Count == 0)
        {
            using var _ = await _api.SendAsync(HttpMethod.Delete, place.RecordSet, null, $"delete TXT {place.Name}", cancellationToken, notFoundIsNull: true).ConfigureAwait(false);
            return null;
        }
        (string, object?)[] written = [("TTL", _ttl), ("TXTRecords", next.Select(v => (object)new (string, object?)[] { ("value", new[] { v }) }).ToArray())];
        using var __ = await _api.SendAsync(HttpMethod.Put, place.RecordSet, JsonBody.Object(("properties", written)),
            $"{(add ? "add to" : "remove from")} TXT {place.Name}", cancellationToken).ConfigureAwait(false);
        return null;
    }

    private async Task<(string Id, string Name)> FindZoneAsync(string fqdn, CancellationToken cancellationToken)
    {
        var zones = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var next = ZonesPath;
        for (var page = 0; page < 100 && next is not null; page++)
        {
            using var answer = await _api.SendAsync(HttpMethod.Get, next, null, "list zones", cancellationToken).ConfigureAwait(false);
            var root = _api.Read(answer, "list zones");
            foreach (var zone in root.Array("value")) zones[zone.String("name")] = zone.String("id");
            next = root.StringOrNull("nextLink");
            // The bearer token goes to the API's own host only.
            if (next is not null && Uri.TryCreate(next, UriKind.Absolute, out var link)
                && !string.Equals(link.Authority, _api.BaseUrl.Authority, StringComparison.OrdinalIgnoreCase))
                throw _api.Fail($"list zones: nextLink leaves {_api.BaseUrl.Authority}");
        }
        var match = _zoneName is not null
            ? (zones.ContainsKey(_zoneName) && ZoneCandidates.For(fqdn).Contains(_zoneName, StringComparer.OrdinalIgnoreCase) ? _zoneName : null)
            : ZoneCandidates.Match(fqdn, zones.Keys);
        if (match is null)
            throw _api.Fail($"no Azure DNS zone holds {fqdn} (tried {string.Join(", ", ZoneCandidates.For(fqdn))}{(_zoneName is null ? "" : $"; AZURE_ZONE_NAME is {_zoneName}")})");
        return (zones[match], match);
    }
}
