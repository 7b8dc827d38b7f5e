using System.Text.Json;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The desec provider against a local stand-in for the deSEC API that enforces its documented
/// shapes: <c>Authorization: Token</c>, <c>GET /api/v1/domains/?owns_qname=</c>, RRsets read with
/// <c>GET .../rrsets/{subname}/TXT/</c> (404 when absent), created with <c>POST .../rrsets/</c>
/// (an existing one is a 400), changed with <c>PATCH</c> (empty records delete it, 204), TTL at
/// least 3600, quoted TXT values, errors <c>{"detail":...}</c>, throttling as 429 with Retry-After.
/// </summary>
public sealed class DesecDnsProviderTests : DnsProviderConformanceTests
{
    private const string Token = "desec-token-0123456789abcdef";

    private sealed class FakeDesec
    {
        public readonly Dictionary<string, List<string>> RrSets = [];
        public int RateLimitOnce;

        public (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request)
        {
            if (request.Header("Authorization") != "Token " + Token)
                return (401, $"{{\"detail\":\"Invalid token. ({request.Header("Authorization")})\"}}", null);
            if (Interlocked.Exchange(ref RateLimitOnce, 0) == 1)
                return (429, "{\"detail\":\"Request was throttled. Expected available in 1 second.\"}", new Dictionary<string, string> { ["Retry-After"] = "1" });
            var path = request.PathAndQuery;
            if (request.Method == "GET" && path.StartsWith("/api/v1/domains/?owns_qname=", StringComparison.Ordinal))
            {
                var qname = Uri.UnescapeDataString(path["/api/v1/domains/?owns_qname=".Length..]);
                return (200, qname == "example.org" || qname.EndsWith(".example.org", StringComparison.Ordinal) ? "[{\"name\":\"example.org\",\"minimum_ttl\":3600}]" : "[]", null);
            }
            const string prefix = "/api/v1/domains/example.org/rrsets/";
            if (!path.StartsWith(prefix, StringComparison.Ordinal)) return Detail(404, "Not found.");
            var rest = path[prefix.Length..];
            if (request.Method == "POST" && rest == "")
            {
                using var body = Json(request);
                var root = body.RootElement;
                var subname = root.GetProperty("subname").GetString()!;
                if (root.GetProperty("type").GetString() != "TXT") return Detail(400, "type");
                if (root.GetProperty("ttl").GetInt32() < 3600) return (400, "{\"ttl\":[\"Ensure this value is greater than or equal to 3600.\"]}", null);
                if (RrSets.ContainsKey(subname)) return (400, "{\"non_field_errors\":[\"Another RRset with the same subdomain and type exists for this domain.\"]}", null);
                RrSets[subname] = Records(root);
                return (201, Rrset(subname), null);
            }
            if (!rest.EndsWith("/TXT/", StringComparison.Ordinal)) return Detail(404, "Not found.");
            var name = Uri.UnescapeDataString(rest[..^"/TXT/".Length]);
            if (!RrSets.TryGetValue(name, out var existing)) return Detail(404, "Not found.");
            if (request.Method == "GET") return (200, Rrset(name), null);
            if (request.Method == "PATCH")
            {
                using var body = Json(request);
                var records = Records(body.RootElement);
                if (records.Count == 0)
                {
                    RrSets.Remove(name);
                    return (204, "", null);
                }
                RrSets[name] = records;
                return (200, Rrset(name), null);
            }
            return Detail(405, $"Method \"{request.Method}\" not allowed.");
        }

        private static JsonDocument Json(RecordedRequest request) =>
            request.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) == true
                ? JsonDocument.Parse(request.Body)
                : throw new InvalidOperationException("not JSON");

        private static List<string> Records(JsonElement root)
        {
            var records = root.GetProperty("records").EnumerateArray().Select(r => r.GetString()!).ToList();
            if (records.Any(v => v.Length < 2 || v[0] != '"' || v[^1] != '"')) throw new InvalidOperationException("TXT records must be quoted");
            return records;
        }

        private string Rrset(string subname) =>
            $"{{\"domain\":\"example.org\",\"subname\":\"{subname}\",\"type\":\"TXT\",\"ttl\":3600,\"records\":{JsonSerializer.Serialize(RrSets[subname])}}}";

        private static (int, string, IReadOnlyDictionary<string, string>?) Detail(int status, string detail) => (status, $"{{\"detail\":\"{detail}\"}}", null);
    }

    private readonly FakeDesec _api = new();

    protected override string ProviderName => "desec";

    protected override string WrongSecret => "desec-wrong-secret-value";

    protected override string WrongCredentialsMessage => "HTTP 401: Invalid token.";

    protected override string UnknownDomain => "www.other.net";

    protected override (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request) => _api.Handle(request);

    protected override IReadOnlyCollection<FakeRecord> Records => RecordsOf("example.org", _api.RrSets);

    protected override void RateLimitOnce() => _api.RateLimitOnce = 1;

    protected override IDnsProvider Provider(FakeHttpServer server, HttpClient http, string? wrongSecret = null) =>
        new DesecDnsProvider(new ProviderCredentials(new Dictionary<string, string>
        {
            ["DESEC_TOKEN"] = wrongSecret ?? Token, ["DESEC_BASE_URL"] = new Uri(server.BaseUrl, "/api/v1").AbsoluteUri,
        }), http);

    // deSEC keeps TXT values quoted.
    protected override string StoredValue(string value) => "\"" + value + "\"";

    // One lookup finds the zone owning the name.
    protected override void AssertAfterRoundTrip(IReadOnlyList<RecordedRequest> requests) =>
        Assert.Equal("/api/v1/domains/?owns_qname=_acme-challenge.www.example.org", requests[0].PathAndQuery);

    [Fact]
    public async Task Values_of_others_in_the_rrset_are_kept_through_both_cleanups()
    {
        _api.RrSets["_acme-challenge"] = ["\"someone-elses\""];
        using var server = new FakeHttpServer(_api.Handle);
        using var http = new HttpClient();
        var provider = Provider(server, http);
        var apex = Challenge("example.org");
        var wildcard = Wildcard("example.org");

        await provider.PresentAsync(apex, default);
        await provider.PresentAsync(wildcard, default);
        Assert.Equal(3, _api.RrSets["_acme-challenge"].Count);
        await provider.CleanupAsync(wildcard, default);
        Assert.Equal(["\"someone-elses\"", "\"" + apex.DnsTxtValue + "\""], _api.RrSets["_acme-challenge"]);
        await provider.CleanupAsync(apex, default);

        Assert.Equal(["\"someone-elses\""], _api.RrSets["_acme-challenge"]);
    }

    [Fact]
    public async Task A_validation_error_without_detail_is_quoted()
    {
        using var server = new FakeHttpServer(_api.Handle);
        using var http = new HttpClient();
        var provider = new DesecDnsProvider(new ProviderCredentials(new Dictionary<string, string>
        {
            ["DESEC_TOKEN"] = Token, ["DESEC_TTL"] = "60", ["DESEC_BASE_URL"] = new Uri(server.BaseUrl, "/api/v1").AbsoluteUri,
        }), http);

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => provider.PresentAsync(Challenge(), default));

        Assert.Contains("greater than or equal to 3600", error.Message);
    }
}
