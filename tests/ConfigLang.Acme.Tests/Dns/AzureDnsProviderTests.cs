using System.Text.Json;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

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
public sealed class AzureDnsProviderTests
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

    private static (FakeAzure Api, FakeHttpServer Server) Start()
    {
        FakeAzure? api = null;
        var server = new FakeHttpServer(request => api!.Handle(request));
        api = new FakeAzure(server.BaseUrl.AbsoluteUri);
        return (api, server);
    }

    private static AzureDnsProvider Provider(FakeHttpServer server, HttpClient http, string secret = ClientSecret) =>
        new(new ProviderCredentials(new Dictionary<string, string>
        {
            ["AZURE_CLIENT_ID"] = ClientId, ["AZURE_CLIENT_SECRET"] = secret, ["AZURE_TENANT_ID"] = "tenant-1", ["AZURE_SUBSCRIPTION_ID"] = "sub-1",
            ["AZURE_BASE_URL"] = server.BaseUrl.AbsoluteUri, ["AZURE_AUTHORITY_URL"] = server.BaseUrl.AbsoluteUri,
        }), http);

    [Fact]
    public async Task The_record_set_is_written_in_the_zone_found_across_pages_and_deleted_with_the_last_value()
    {
        var (api, server) = Start();
        using var _ = server;
        using var http = new HttpClient();
        var provider = Provider(server, http);
        var challenge = Challenge("www.example.org");

        await provider.PresentAsync(challenge, default);
        var (name, values) = Assert.Single(api.RecordSets);
        Assert.Equal(("_acme-challenge.www", challenge.DnsTxtValue), (name, Assert.Single(values)));
        await provider.CleanupAsync(challenge, default);

        Assert.Empty(api.RecordSets);
        Assert.Single(server.Requests, r => r.PathAndQuery.EndsWith("/token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wildcard_and_its_base_name_share_the_record_set_and_cleanup_keeps_the_other_value()
    {
        var (api, server) = Start();
        using var _ = server;
        using var http = new HttpClient();
        var provider = Provider(server, http);
        var apex = Challenge("example.org");
        var wildcard = Wildcard("example.org");

        await provider.PresentAsync(apex, default);
        await provider.PresentAsync(wildcard, default);
        Assert.Equal(2, api.RecordSets["_acme-challenge"].Count);
        await provider.CleanupAsync(wildcard, default);

        Assert.Equal([apex.DnsTxtValue], api.RecordSets["_acme-challenge"]);
    }

    [Fact]
    public async Task A_rate_limit_answer_is_waited_out_and_the_request_repeated()
    {
        var (api, server) = Start();
        using var _ = server;
        using var http = new HttpClient();
        api.RateLimitOnce = 1;

        await Provider(server, http).PresentAsync(Challenge(), default);

        Assert.Single(api.RecordSets);
        Assert.Equal(server.Requests[1].PathAndQuery, server.Requests[2].PathAndQuery);
    }

    [Fact]
    public async Task A_wrong_client_secret_gives_the_token_error_named_after_the_provider_without_the_secret()
    {
        var (_, server) = Start();
        using var __ = server;
        using var http = new HttpClient();
        const string wrong = "azure~wrong~secret~value";

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => Provider(server, http, wrong).PresentAsync(Challenge(), default));

        Assert.StartsWith("azuredns: ", error.Message);
        Assert.Contains("invalid_client: AADSTS7000215: Invalid client secret provided", error.Message);
        Assert.DoesNotContain(wrong, error.ToString());
    }
}
