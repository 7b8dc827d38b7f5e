using System.Text.Json;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The azuredns provider against a local stand-in for Microsoft's token endpoint and Azure
/// Resource Manager that enforces their documented shapes: a client-credentials form POST to
/// <c>/{tenant}/oauth2/v2.0/token</c> (client id, secret and the management scope), then Bearer
/// calls with <c>api-version=2018-05-01</c>: the subscription's <c>dnsZones</c> paged by
/// <c>nextLink</c>, the record set <c>{zone id}/TXT/{name}</c> read (404 when absent), written whole
/// with <c>PUT</c> (<c>properties.TTL</c>, <c>properties.TXTRecords[].value[]</c>) and deleted;
/// errors <c>{"error":{"code","message"}}</c> and <c>{"error","error_description"}</c>, a 429.
/// </summary>
public sealed class AzureDnsProviderTests : DnsProviderConformanceTests
{
    private const string ClientId = "00000000-0000-0000-0000-0000000000c1";
    private const string ClientSecret = "azure~client~secret~0123456789";
    private const string AccessToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.azure.token";
    private const string ZoneId = "/subscriptions/sub-1/resourceGroups/rg-dns/providers/Microsoft.Network/dnszones/example.org";

    private sealed class FakeAzure(string baseUrl)
    {
        public readonly Dictionary<string, List<string>> RecordSets = [];
        public int RateLimitOnce;

        public (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request)
        {
            var path = request.PathAndQuery;
            if (path == "/tenant-1/oauth2/v2.0/token") return Token(request);
            if (request.Header("Authorization") != "Bearer " + AccessToken)
                return Error(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing or invalid.");
            if (Interlocked.Exchange(ref RateLimitOnce, 0) == 1)
                return (429, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Too many requests\"}}", new Dictionary<string, string> { ["Retry-After"] = "1" });
            if (!path.Contains("api-version=2018-05-01", StringComparison.Ordinal)) return Error(400, "MissingApiVersionParameter", "The api-version query parameter is required");
            const string zones = "/subscriptions/sub-1/providers/Microsoft.Network/dnsZones?api-version=2018-05-01";
            if (request.Method == "GET" && path == zones)
                return (200, $"{{\"value\":[{{\"id\":\"/subscriptions/sub-1/resourceGroups/rg-x/providers/Microsoft.Network/dnszones/other.net\",\"name\":\"other.net\"}}],\"nextLink\":\"{baseUrl.TrimEnd('/')}{zones}&$skipToken=page2\"}}", null);
            if (request.Method == "GET" && path == zones + "&$skipToken=page2")
                return (200, $"{{\"value\":[{{\"id\":\"{ZoneId}\",\"name\":\"example.org\",\"type\":\"Microsoft.Network/dnszones\"}}]}}", null);
            var prefix = ZoneId + "/TXT/";
            if (!path.StartsWith(prefix, StringComparison.Ordinal)) return Error(404, "NotFound", "unknown route");
            var name = Uri.UnescapeDataString(path[prefix.Length..path.IndexOf('?')]);
            switch (request.Method)
            {
                case "GET":
                    return RecordSets.TryGetValue(name, out var values)
                        ? (200, RecordSet(name, values), null)
                        : Error(404, "NotFound", $"The resource record '{name}' does not exist in resource group 'rg-dns'.");
                case "PUT":
                    if (request.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) != true) return Error(415, "UnsupportedMediaType", "json");
                    using (var body = JsonDocument.Parse(request.Body))
                    {
                        var properties = body.RootElement.GetProperty("properties");
                        if (properties.GetProperty("TTL").GetInt32() < 1) return Error(400, "BadRequest", "TTL");
                        RecordSets[name] = [.. properties.GetProperty("TXTRecords").EnumerateArray().Select(r => string.Concat(r.GetProperty("value").EnumerateArray().Select(v => v.GetString())))];
                    }
                    return (200, RecordSet(name, RecordSets[name]), null);
                case "DELETE":
                    return RecordSets.Remove(name) ? (200, "", null) : (204, "", null);
            }
            return Error(405, "MethodNotAllowed", request.Method);
        }

        private static (int, string, IReadOnlyDictionary<string, string>?) Token(RecordedRequest request)
        {
            var form = System.Web.HttpUtility.ParseQueryString(request.Body);
            if (request.Header("Content-Type")?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) != true || form["grant_type"] != "client_credentials")
                return (400, "{\"error\":\"invalid_request\",\"error_description\":\"AADSTS900144: The request body must contain grant_type.\"}", null);
            if (form["scope"] != "https://management.azure.com/.default")
                return (400, "{\"error\":\"invalid_scope\",\"error_description\":\"AADSTS70011: invalid scope\"}", null);
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
                return (401, $"{{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided ({form["client_secret"]}).\"}}", null);
            return (200, $"{{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"{AccessToken}\"}}", null);
        }

        private static string RecordSet(string name, List<string> values) =>
            $"{{\"id\":\"{ZoneId}/TXT/{name}\",\"name\":\"{name}\",\"etag\":\"e1\",\"properties\":{{\"TTL\":60,\"TXTRecords\":[{string.Join(',', values.Select(v => $"{{\"value\":[\"{v}\"]}}"))}]}}}}";

        private static (int, string, IReadOnlyDictionary<string, string>?) Error(int status, string code, string message) =>
            (status, $"{{\"error\":{{\"code\":\"{code}\",\"message\":\"{message}\"}}}}", null);
    }

    private FakeAzure? _api;

    protected override string ProviderName => "azuredns";

    protected override string WrongSecret => "azure~wrong~secret~value";

    protected override string WrongCredentialsMessage => "invalid_client: AADSTS7000215: Invalid client secret provided";

    // The fake's nextLink points at the server itself, so it is made once the server listens.
    protected override void Started(FakeHttpServer server) => _api = new FakeAzure(server.BaseUrl.AbsoluteUri);

    protected override (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request) => _api!.Handle(request);

    protected override IReadOnlyCollection<FakeRecord> Records => RecordsOf("example.org", _api!.RecordSets);

    protected override void RateLimitOnce() => _api!.RateLimitOnce = 1;

    protected override IDnsProvider Provider(FakeHttpServer server, HttpClient http, string? wrongSecret = null) =>
        new AzureDnsProvider(new ProviderCredentials(new Dictionary<string, string>
        {
            ["AZURE_CLIENT_ID"] = ClientId, ["AZURE_CLIENT_SECRET"] = wrongSecret ?? ClientSecret, ["AZURE_TENANT_ID"] = "tenant-1", ["AZURE_SUBSCRIPTION_ID"] = "sub-1",
            ["AZURE_BASE_URL"] = server.BaseUrl.AbsoluteUri, ["AZURE_AUTHORITY_URL"] = server.BaseUrl.AbsoluteUri,
        }), http);

    // One token serves present and cleanup.
    protected override void AssertAfterRoundTrip(IReadOnlyList<RecordedRequest> requests) =>
        Assert.Single(requests, r => r.PathAndQuery.EndsWith("/token", StringComparison.Ordinal));

    // The token comes first and is not rate limited.
    protected override void AssertRepeated(IReadOnlyList<RecordedRequest> requests) => Assert.Equal(requests[1].PathAndQuery, requests[2].PathAndQuery);

    // The token is asked for with a POST.
    protected override bool IsWrite(RecordedRequest request) => request.Method != "GET" && !request.PathAndQuery.EndsWith("/token", StringComparison.Ordinal);
}
