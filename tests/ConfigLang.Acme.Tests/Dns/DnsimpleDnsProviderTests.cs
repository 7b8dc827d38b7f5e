using System.Text.Json;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The dnsimple provider against a local stand-in for the DNSimple API v2 that enforces its
/// documented shapes: Bearer token, <c>GET /v2/whoami</c>, <c>GET /v2/{account}/zones/{zone}</c>
/// (404 for another's), <c>POST /v2/{account}/zones/{zone}/records</c> with name/type/content/ttl
/// answering 201 <c>{"data":{"id":n}}</c>, <c>DELETE .../records/{id}</c> answering 204, errors
/// <c>{"message","errors":{field:[...]}}</c>, a 429 with Retry-After.
/// </summary>
public sealed class DnsimpleDnsProviderTests : RecordIdConformanceTests
{
    private const string Token = "dnsimple-account-token-0123456789";
    private const long Account = 1010;

    private sealed class FakeDnsimple
    {
        public readonly Dictionary<long, (string Zone, string Name, string Content)> Records = [];
        private long _next = 64;
        public int RateLimitOnce;

        public (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request)
        {
            if (request.Header("Authorization") != "Bearer " + Token)
                return (401, $"{{\"message\":\"Authentication failed ({request.Header("Authorization")})\"}}", null);
            if (Interlocked.Exchange(ref RateLimitOnce, 0) == 1)
                return (429, "{\"message\":\"API rate limit exceeded\"}", new Dictionary<string, string> { ["Retry-After"] = "1" });
            var path = request.PathAndQuery;
            if (request.Method == "GET" && path == "/v2/whoami")
                return (200, $"{{\"data\":{{\"user\":null,\"account\":{{\"id\":{Account},\"email\":\"admin@example.org\"}}}}}}", null);
            var zones = $"/v2/{Account}/zones/";
            if (!path.StartsWith(zones, StringComparison.Ordinal)) return (404, "{\"message\":\"Not found\"}", null);
            var parts = path[zones.Length..].Split('/');
            if (request.Method == "GET" && parts.Length == 1)
                return parts[0] == "example.org" ? (200, "{\"data\":{\"id\":1,\"account_id\":1010,\"name\":\"example.org\"}}", null) : (404, $"{{\"message\":\"Zone `{parts[0]}` not found\"}}", null);
            if (parts[0] != "example.org" || parts.Length < 2 || parts[1] != "records") return (404, "{\"message\":\"Not found\"}", null);
            if (request.Method == "POST" && parts.Length == 2)
            {
                if (request.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) != true) return (415, "{\"message\":\"json\"}", null);
                using var body = JsonDocument.Parse(request.Body);
                var root = body.RootElement;
                var name = root.GetProperty("name").GetString()!;
                if (root.GetProperty("ttl").GetInt32() < 60) return (400, "{\"message\":\"Validation failed\",\"errors\":{\"ttl\":[\"must be at least 60\"]}}", null);
                if (root.GetProperty("type").GetString() != "TXT" || name.EndsWith("example.org", StringComparison.Ordinal)) return (400, "{\"message\":\"Validation failed\",\"errors\":{\"name\":[\"invalid\"]}}", null);
                var id = ++_next;
                Records[id] = ("example.org", name, root.GetProperty("content").GetString()!);
                return (201, $"{{\"data\":{{\"id\":{id},\"zone_id\":\"example.org\",\"name\":\"{name}\",\"type\":\"TXT\"}}}}", null);
            }
            if (request.Method == "DELETE" && parts.Length == 3)
                return Records.Remove(long.Parse(parts[2])) ? (204, "", null) : (404, "{\"message\":\"Record not found\"}", null);
            return (404, "{\"message\":\"Not found\"}", null);
        }
    }

    private readonly FakeDnsimple _api = new();

    protected override string ProviderName => "dnsimple";

    protected override string RecordIdPath => "data.id";

    protected override string WrongSecret => "dnsimple-wrong-secret-value";

    protected override string WrongCredentialsMessage => "HTTP 401: Authentication failed";

    protected override (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request) => _api.Handle(request);

    protected override IReadOnlyCollection<FakeRecord> Records => [.. _api.Records.Values.Select(r => new FakeRecord(r.Zone, r.Name, r.Content))];

    protected override void RateLimitOnce() => _api.RateLimitOnce = 1;

    protected override IDnsProvider Provider(FakeHttpServer server, HttpClient http, string? wrongSecret = null) =>
        Provider(server, http, wrongSecret ?? Token, ttl: null);

    // The account is learnt once, for present and cleanup both.
    protected override void AssertAfterRoundTrip(IReadOnlyList<RecordedRequest> requests) =>
        Assert.Single(requests, r => r.PathAndQuery == "/v2/whoami");

    private static DnsimpleDnsProvider Provider(FakeHttpServer server, HttpClient http, string token, string? ttl)
    {
        var values = new Dictionary<string, string> { ["DNSIMPLE_OAUTH_TOKEN"] = token, ["DNSIMPLE_BASE_URL"] = server.BaseUrl.AbsoluteUri };
        if (ttl is not null) values["DNSIMPLE_TTL"] = ttl;
        return new(new ProviderCredentials(values), http);
    }

    [Fact]
    public async Task A_validation_error_names_the_field()
    {
        using var server = new FakeHttpServer(_api.Handle);
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => Provider(server, http, Token, ttl: "10").PresentAsync(Challenge(), default));

        Assert.Contains("Validation failed (ttl: must be at least 60)", error.Message);
    }
}
