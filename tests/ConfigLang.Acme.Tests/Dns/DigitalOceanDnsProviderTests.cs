using System.Text.Json;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The digitalocean provider against a local stand-in for the v2 API that enforces its documented
/// shapes: Bearer token, <c>GET /v2/domains?page=&amp;per_page=</c> paginated by
/// <c>links.pages.next</c>, <c>POST /v2/domains/{domain}/records</c> with type/name/data/ttl
/// answered 201 <c>{"domain_record":{"id":n}}</c>, <c>DELETE .../records/{id}</c> answered 204,
/// errors <c>{"id":"unauthorized","message":...}</c>, and a 429 with Retry-After.
/// </summary>
public sealed class DigitalOceanDnsProviderTests
{
    private const string Token = "dop_v1_0123456789abcdef";

    private sealed class FakeDigitalOcean
    {
        // Two pages of one domain each: example.org is on the second.
        private readonly string[] _domains = ["other.net", "example.org"];
        public readonly Dictionary<long, (string Domain, string Name, string Data)> Records = [];
        private long _next = 1000;
        public int RateLimitOnce;

        public (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request)
        {
            if (request.Header("Authorization") != "Bearer " + Token)
                // The presented token is echoed, so the test sees it redacted.
                return (401, $"{{\"id\":\"unauthorized\",\"message\":\"Unable to authenticate you. ({request.Header("Authorization")})\"}}", null);
            if (Interlocked.Exchange(ref RateLimitOnce, 0) == 1)
                return (429, "{\"id\":\"too_many_requests\",\"message\":\"API Rate limit exceeded.\"}", new Dictionary<string, string> { ["Retry-After"] = "1" });
            var path = request.PathAndQuery;
            if (request.Method == "GET" && path.StartsWith("/v2/domains?", StringComparison.Ordinal))
            {
                var query = System.Web.HttpUtility.ParseQueryString(path[path.IndexOf('?')..]);
                var page = int.Parse(query["page"]!);
                if (int.Parse(query["per_page"]!) is < 1 or > 200) return Error(422, "per_page out of range");
                var next = page < _domains.Length ? $",\"pages\":{{\"next\":\"https://api.digitalocean.com/v2/domains?page={page + 1}&per_page=1\"}}" : ",\"pages\":{}";
                return (200, $"{{\"domains\":[{{\"name\":\"{_domains[page - 1]}\",\"ttl\":1800}}],\"links\":{{{next[1..]}}},\"meta\":{{\"total\":{_domains.Length}}}}}", null);
            }
            var recordsPrefix = "/v2/domains/example.org/records";
            if (request.Method == "POST" && path == recordsPrefix)
            {
                if (request.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) != true) return Error(415, "content type");
                using var body = JsonDocument.Parse(request.Body);
                var root = body.RootElement;
                var name = root.GetProperty("name").GetString()!;
                if (root.GetProperty("type").GetString() != "TXT" || root.GetProperty("ttl").GetInt32() < 30 || name.EndsWith(".example.org", StringComparison.Ordinal))
                    return Error(422, "invalid record");
                var id = ++_next;
                Records[id] = ("example.org", name, root.GetProperty("data").GetString()!);
                return (201, $"{{\"domain_record\":{{\"id\":{id},\"type\":\"TXT\",\"name\":\"{name}\"}}}}", null);
            }
            if (request.Method == "DELETE" && path.StartsWith(recordsPrefix + "/", StringComparison.Ordinal))
            {
                return Records.Remove(long.Parse(path[(recordsPrefix.Length + 1)..])) ? (204, "", null) : Error(404, "The resource you were accessing could not be found.");
            }
            return Error(404, "unknown route " + path);
        }

        private static (int, string, IReadOnlyDictionary<string, string>?) Error(int status, string message) =>
            (status, $"{{\"id\":\"error\",\"message\":\"{message}\"}}", null);
    }

    private static DigitalOceanDnsProvider Provider(FakeHttpServer server, HttpClient http, string token = Token) =>
        new(new ProviderCredentials(new Dictionary<string, string> { ["DO_AUTH_TOKEN"] = token, ["DO_API_URL"] = server.BaseUrl.AbsoluteUri }), http);

    [Fact]
    public async Task A_record_is_created_in_the_domain_found_across_pages_and_deleted_by_its_id()
    {
        var api = new FakeDigitalOcean();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();
        var provider = Provider(server, http);
        var challenge = Challenge("www.example.org");

        await provider.PresentAsync(challenge, default);
        var created = Assert.Single(api.Records.Values);
        await provider.CleanupAsync(challenge, default);

        Assert.Equal(("example.org", "_acme-challenge.www", challenge.DnsTxtValue), created);
        Assert.Empty(api.Records);
        Assert.Equal(["/v2/domains?page=1&per_page=200", "/v2/domains?page=2&per_page=200"],
            server.Requests.Where(r => r.Method == "GET").Take(2).Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task A_wildcard_and_its_base_name_both_stay_until_each_is_cleaned_up()
    {
        var api = new FakeDigitalOcean();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();
        var provider = Provider(server, http);
        var apex = Challenge("example.org");
        var wildcard = Wildcard("example.org");

        await provider.PresentAsync(apex, default);
        await provider.PresentAsync(wildcard, default);
        Assert.Equal(2, api.Records.Count);
        await provider.CleanupAsync(wildcard, default);

        Assert.Equal(("example.org", "_acme-challenge", apex.DnsTxtValue), Assert.Single(api.Records.Values));
    }

    [Fact]
    public async Task A_rate_limit_answer_is_waited_out_and_the_request_repeated()
    {
        var api = new FakeDigitalOcean { RateLimitOnce = 1 };
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();

        await Provider(server, http).PresentAsync(Challenge(), default);

        Assert.Single(api.Records);
        Assert.Equal(server.Requests[0].PathAndQuery, server.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task Wrong_credentials_give_the_api_message_named_after_the_provider_without_the_token()
    {
        var api = new FakeDigitalOcean();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();
        const string wrong = "dop_v1_wrong_secret_value";

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => Provider(server, http, wrong).PresentAsync(Challenge(), default));

        Assert.StartsWith("digitalocean: ", error.Message);
        Assert.Contains("Unable to authenticate you.", error.Message);
        Assert.DoesNotContain(wrong, error.ToString());
    }

    [Fact]
    public async Task A_name_in_no_domain_of_the_account_is_a_clear_error()
    {
        var api = new FakeDigitalOcean();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => Provider(server, http).PresentAsync(Challenge("www.example.com"), default));

        Assert.Contains("_acme-challenge.www.example.com", error.Message);
    }
}
