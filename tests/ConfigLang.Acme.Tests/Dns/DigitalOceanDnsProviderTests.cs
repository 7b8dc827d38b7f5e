using System.Text.Json;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The digitalocean provider against a local stand-in for the v2 API that enforces its documented
/// shapes: Bearer token, <c>GET /v2/domains?page=&amp;per_page=</c> paginated by
/// <c>links.pages.next</c>, <c>POST /v2/domains/{domain}/records</c> with type/name/data/ttl
/// answered 201 <c>{"domain_record":{"id":n}}</c>, <c>DELETE .../records/{id}</c> answered 204,
/// errors <c>{"id":"unauthorized","message":...}</c>, and a 429 with Retry-After.
/// </summary>
public sealed class DigitalOceanDnsProviderTests : RecordIdConformanceTests
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

    private readonly FakeDigitalOcean _api = new();

    protected override string ProviderName => "digitalocean";

    protected override string RecordIdPath => "domain_record.id";

    protected override string WrongSecret => "dop_v1_wrong_secret_value";

    protected override string WrongCredentialsMessage => "Unable to authenticate you.";

    protected override (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request) => _api.Handle(request);

    protected override IReadOnlyCollection<FakeRecord> Records => [.. _api.Records.Values.Select(r => new FakeRecord(r.Domain, r.Name, r.Data))];

    protected override void RateLimitOnce() => _api.RateLimitOnce = 1;

    protected override IDnsProvider Provider(FakeHttpServer server, HttpClient http, string? wrongSecret = null) =>
        new DigitalOceanDnsProvider(new ProviderCredentials(new Dictionary<string, string> { ["DO_AUTH_TOKEN"] = wrongSecret ?? Token, ["DO_API_URL"] = server.BaseUrl.AbsoluteUri }), http);

    // The zone is on the second page of domains.
    protected override void AssertAfterRoundTrip(IReadOnlyList<RecordedRequest> requests) =>
        Assert.Equal(["/v2/domains?page=1&per_page=200", "/v2/domains?page=2&per_page=200"],
            requests.Where(r => r.Method == "GET").Take(2).Select(r => r.PathAndQuery));
}
