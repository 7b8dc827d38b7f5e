using System.Text.Json;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The vultr provider against a local stand-in for the Vultr API v2 that enforces its documented
/// shapes: Bearer key, <c>GET /v2/domains?per_page=&amp;cursor=</c> paginated by
/// <c>meta.links.next</c>, <c>POST /v2/domains/{domain}/records</c> with name/type/data (quoted
/// TXT)/ttl answering 201 <c>{"record":{"id":uuid}}</c>, <c>DELETE .../records/{id}</c> answering
/// 204, errors <c>{"error":...,"status":n}</c>, a 429 with Retry-After.
/// </summary>
public sealed class VultrDnsProviderTests
{
    private const string Key = "VULTRKEY0123456789ABCDEF";

    private sealed class FakeVultr
    {
        public readonly Dictionary<string, (string Domain, string Name, string Data)> Records = [];
        public int RateLimitOnce;

        public (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request)
        {
            if (request.Header("Authorization") != "Bearer " + Key)
                return Error(401, $"Invalid API token. ({request.Header("Authorization")})");
            if (Interlocked.Exchange(ref RateLimitOnce, 0) == 1)
                return (429, "{\"error\":\"Rate limit reached - please try your request again later.\",\"status\":429}", new Dictionary<string, string> { ["Retry-After"] = "1" });
            var path = request.PathAndQuery;
            if (request.Method == "GET" && path.StartsWith("/v2/domains?", StringComparison.Ordinal))
            {
                var query = System.Web.HttpUtility.ParseQueryString(path[path.IndexOf('?')..]);
                if (int.Parse(query["per_page"]!) is < 1 or > 500) return Error(400, "per_page");
                // Page one (no cursor) holds other.net and points on; the cursor's page holds example.org.
                return query["cursor"] switch
                {
                    null => (200, "{\"domains\":[{\"domain\":\"other.net\",\"dns_sec\":\"disabled\"}],\"meta\":{\"total\":2,\"links\":{\"next\":\"bmV4dF9fZXhhbXBsZS5vcmc=\",\"prev\":\"\"}}}", null),
                    "bmV4dF9fZXhhbXBsZS5vcmc=" => (200, "{\"domains\":[{\"domain\":\"example.org\",\"dns_sec\":\"disabled\"}],\"meta\":{\"total\":2,\"links\":{\"next\":\"\",\"prev\":\"x\"}}}", null),
                    _ => Error(400, "invalid cursor"),
                };
            }
            const string prefix = "/v2/domains/example.org/records";
            if (request.Method == "POST" && path == prefix)
            {
                if (request.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) != true) return Error(415, "content type");
                using var body = JsonDocument.Parse(request.Body);
                var root = body.RootElement;
                var name = root.GetProperty("name").GetString()!;
                var data = root.GetProperty("data").GetString()!;
                if (root.GetProperty("type").GetString() != "TXT" || root.GetProperty("ttl").GetInt32() < 30 || name.EndsWith("example.org", StringComparison.Ordinal)
                    || data.Length < 2 || data[0] != '"' || data[^1] != '"')
                    return Error(400, "Invalid record data.");
                var id = Guid.NewGuid().ToString();
                Records[id] = ("example.org", name, data);
                return (201, $"{{\"record\":{{\"id\":\"{id}\",\"type\":\"TXT\",\"name\":\"{name}\",\"priority\":0,\"ttl\":120}}}}", null);
            }
            if (request.Method == "DELETE" && path.StartsWith(prefix + "/", StringComparison.Ordinal))
                return Records.Remove(path[(prefix.Length + 1)..]) ? (204, "", null) : Error(404, "Record not found.");
            return Error(404, "Not found " + path);
        }

        private static (int, string, IReadOnlyDictionary<string, string>?) Error(int status, string message) =>
            (status, $"{{\"error\":\"{message}\",\"status\":{status}}}", null);
    }

    private static VultrDnsProvider Provider(FakeHttpServer server, HttpClient http, string key = Key) =>
        new(new ProviderCredentials(new Dictionary<string, string> { ["VULTR_API_KEY"] = key, ["VULTR_BASE_URL"] = new Uri(server.BaseUrl, "/v2").AbsoluteUri }), http);

    [Fact]
    public async Task A_record_is_created_in_the_domain_found_through_the_cursor_and_deleted_by_its_id()
    {
        var api = new FakeVultr();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();
        var provider = Provider(server, http);
        var challenge = Challenge("www.example.org");

        await provider.PresentAsync(challenge, default);
        var created = Assert.Single(api.Records.Values);
        await provider.CleanupAsync(challenge, default);

        Assert.Equal(("example.org", "_acme-challenge.www", "\"" + challenge.DnsTxtValue + "\""), created);
        Assert.Empty(api.Records);
        Assert.Equal(2, server.Requests.Count(r => r.Method == "GET"));
    }

    [Fact]
    public async Task A_wildcard_and_its_base_name_both_stay_until_each_is_cleaned_up()
    {
        var api = new FakeVultr();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();
        var provider = Provider(server, http);
        var apex = Challenge("example.org");
        var wildcard = Wildcard("example.org");

        await provider.PresentAsync(apex, default);
        await provider.PresentAsync(wildcard, default);
        Assert.Equal(2, api.Records.Count);
        await provider.CleanupAsync(wildcard, default);

        Assert.Equal(("example.org", "_acme-challenge", "\"" + apex.DnsTxtValue + "\""), Assert.Single(api.Records.Values));
    }

    [Fact]
    public async Task A_rate_limit_answer_is_waited_out_and_the_request_repeated()
    {
        var api = new FakeVultr { RateLimitOnce = 1 };
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();

        await Provider(server, http).PresentAsync(Challenge(), default);

        Assert.Single(api.Records);
        Assert.Equal(server.Requests[0].PathAndQuery, server.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task Wrong_credentials_give_the_api_message_named_after_the_provider_without_the_key()
    {
        var api = new FakeVultr();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();
        const string wrong = "VULTRWRONGSECRETVALUE";

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => Provider(server, http, wrong).PresentAsync(Challenge(), default));

        Assert.StartsWith("vultr: ", error.Message);
        Assert.Contains("HTTP 401: Invalid API token.", error.Message);
        Assert.DoesNotContain(wrong, error.ToString());
    }
}
