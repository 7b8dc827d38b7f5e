using System.Text.Json;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The linode provider against a local stand-in for the Linode API v4 that enforces its documented
/// shapes: Bearer token, <c>GET /v4/domains?page=&amp;page_size=</c> (25 to 500) answering
/// <c>{"data","page","pages","results"}</c>, <c>POST /v4/domains/{id}/records</c> with
/// type/name/target/ttl_sec, <c>DELETE .../records/{id}</c> answering <c>{}</c>, errors
/// <c>{"errors":[{"field","reason"}]}</c>, a 429 with Retry-After.
/// </summary>
public sealed class LinodeDnsProviderTests : RecordIdConformanceTests
{
    private const string Token = "linode-token-0123456789abcdef";
    private const long DomainId = 1234;

    private sealed class FakeLinode
    {
        public readonly Dictionary<long, (long Domain, string Name, string Target)> Records = [];
        private long _next = 5000;
        public int RateLimitOnce;

        public (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request)
        {
            if (request.Header("Authorization") != "Bearer " + Token)
                return (401, $"{{\"errors\":[{{\"reason\":\"Invalid Token ({request.Header("Authorization")})\"}}]}}", null);
            if (Interlocked.Exchange(ref RateLimitOnce, 0) == 1)
                return (429, "{\"errors\":[{\"reason\":\"Too Many Requests\"}]}", new Dictionary<string, string> { ["Retry-After"] = "1" });
            var path = request.PathAndQuery;
            if (request.Method == "GET" && path.StartsWith("/v4/domains?", StringComparison.Ordinal))
            {
                var query = System.Web.HttpUtility.ParseQueryString(path[path.IndexOf('?')..]);
                if (int.Parse(query["page_size"]!) is < 25 or > 500) return Error(400, "page_size", "Must be 25-500");
                return (200, "{\"data\":[{\"id\":" + DomainId + ",\"domain\":\"example.org\",\"type\":\"master\"},{\"id\":99,\"domain\":\"other.net\",\"type\":\"master\"}],\"page\":1,\"pages\":1,\"results\":2}", null);
            }
            var prefix = $"/v4/domains/{DomainId}/records";
            if (request.Method == "POST" && path == prefix)
            {
                if (request.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) != true) return Error(415, null, "content type");
                using var body = JsonDocument.Parse(request.Body);
                var root = body.RootElement;
                var name = root.GetProperty("name").GetString()!;
                if (root.GetProperty("type").GetString() != "TXT") return Error(400, "type", "invalid");
                if (root.GetProperty("ttl_sec").GetInt32() < 300) return Error(400, "ttl_sec", "too small");
                if (name.EndsWith("example.org", StringComparison.Ordinal)) return Error(400, "name", "must be relative");
                var id = ++_next;
                Records[id] = (DomainId, name, root.GetProperty("target").GetString()!);
                return (200, $"{{\"id\":{id},\"type\":\"TXT\",\"name\":\"{name}\"}}", null);
            }
            if (request.Method == "DELETE" && path.StartsWith(prefix + "/", StringComparison.Ordinal))
                return Records.Remove(long.Parse(path[(prefix.Length + 1)..])) ? (200, "{}", null) : Error(404, null, "Not found");
            return Error(404, null, "Not found");
        }

        private static (int, string, IReadOnlyDictionary<string, string>?) Error(int status, string? field, string reason) =>
            (status, field is null ? $"{{\"errors\":[{{\"reason\":\"{reason}\"}}]}}" : $"{{\"errors\":[{{\"field\":\"{field}\",\"reason\":\"{reason}\"}}]}}", null);
    }

    private readonly FakeLinode _api = new();

    protected override string ProviderName => "linode";

    protected override string RecordIdPath => "id";

    protected override string WrongSecret => "linode-wrong-secret-value";

    protected override string WrongCredentialsMessage => "HTTP 401: Invalid Token";

    // Linode names a domain by its id.
    protected override string Zone => DomainId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    protected override (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request) => _api.Handle(request);

    protected override IReadOnlyCollection<FakeRecord> Records =>
        [.. _api.Records.Values.Select(r => new FakeRecord(r.Domain.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Name, r.Target))];

    protected override void RateLimitOnce() => _api.RateLimitOnce = 1;

    protected override IDnsProvider Provider(FakeHttpServer server, HttpClient http, string? wrongSecret = null) =>
        Provider(server, http, wrongSecret ?? Token, ttl: null);

    private static LinodeDnsProvider Provider(FakeHttpServer server, HttpClient http, string token, string? ttl)
    {
        var values = new Dictionary<string, string> { ["LINODE_TOKEN"] = token, ["LINODE_BASE_URL"] = new Uri(server.BaseUrl, "/v4").AbsoluteUri };
        if (ttl is not null) values["LINODE_TTL"] = ttl;
        return new(new ProviderCredentials(values), http);
    }

    [Fact]
    public async Task A_field_error_names_the_field()
    {
        using var server = new FakeHttpServer(_api.Handle);
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => Provider(server, http, Token, ttl: "30").PresentAsync(Challenge(), default));

        Assert.Contains("ttl_sec: too small", error.Message);
    }
}
