using System.Text.Json;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The vultr provider against a local stand-in for the Vultr API v2 that enforces its documented
/// shapes: Bearer key, <c>GET /v2/domains?per_page=&amp;cursor=</c> paginated by
/// <c>meta.links.next</c>, <c>POST /v2/domains/{domain}/records</c> with name/type/data (quoted
/// TXT)/ttl answering 201 <c>{"record":{"id":uuid}}</c>, <c>DELETE .../records/{id}</c> answering
/// 204, errors <c>{"error":...,"status":n}</c>, a 429 with Retry-After.
/// </summary>
public sealed class VultrDnsProviderTests : RecordIdConformanceTests
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

    private readonly FakeVultr _api = new();

    protected override string ProviderName => "vultr";

    protected override string RecordIdPath => "record.id";

    protected override string WrongSecret => "VULTRWRONGSECRETVALUE";

    protected override string WrongCredentialsMessage => "HTTP 401: Invalid API token.";

    protected override (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request) => _api.Handle(request);

    protected override IReadOnlyCollection<FakeRecord> Records => [.. _api.Records.Values.Select(r => new FakeRecord(r.Domain, r.Name, r.Data))];

    protected override void RateLimitOnce() => _api.RateLimitOnce = 1;

    protected override IDnsProvider Provider(FakeHttpServer server, HttpClient http, string? wrongSecret = null) =>
        new VultrDnsProvider(new ProviderCredentials(new Dictionary<string, string>
        {
            ["VULTR_API_KEY"] = wrongSecret ?? Key, ["VULTR_BASE_URL"] = new Uri(server.BaseUrl, "/v2").AbsoluteUri,
        }), http);

    // Vultr keeps TXT data quoted.
    protected override string StoredValue(string value) => "\"" + value + "\"";

    // The zone is on the cursor's page, the second.
    protected override void AssertAfterRoundTrip(IReadOnlyList<RecordedRequest> requests) =>
        Assert.Equal(2, requests.Count(r => r.Method == "GET"));
}
