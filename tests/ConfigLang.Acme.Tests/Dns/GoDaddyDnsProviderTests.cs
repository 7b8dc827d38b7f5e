using System.Text.Json;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The godaddy provider against a local stand-in for the GoDaddy Domains API v1 that enforces its
/// documented shapes: <c>Authorization: sso-key KEY:SECRET</c>, <c>GET /v1/domains/{domain}</c>
/// (404 for another's), <c>PATCH /v1/domains/{domain}/records</c> with an array of
/// type/name/data/ttl (TTL at least 600), <c>GET|PUT|DELETE .../records/TXT/{name}</c> (PUT: an
/// array of data/ttl replacing them all), errors <c>{"code","message"}</c>, a 429 with Retry-After.
/// </summary>
public sealed class GoDaddyDnsProviderTests : ZoneWalkConformanceTests
{
    private const string Key = "dLP4WKz5PdkS_GuUDNigHcLQFpw4CWNwAQ5";
    private const string Secret = "GuUFdVFj8nJ1M79RtdwmkZ";

    private sealed class FakeGoDaddy
    {
        public readonly Dictionary<string, List<string>> Txt = [];
        public int RateLimitOnce;

        public (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request)
        {
            if (request.Header("Authorization") != $"sso-key {Key}:{Secret}")
                return Error(401, "UNABLE_TO_AUTHENTICATE", $"Unable to authenticate credentials ({request.Header("Authorization")})");
            if (Interlocked.Exchange(ref RateLimitOnce, 0) == 1)
                return (429, "{\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"Too many requests received within interval\",\"retryAfterSec\":1}", new Dictionary<string, string> { ["Retry-After"] = "1" });
            var path = request.PathAndQuery;
            if (request.Method == "GET" && path.StartsWith("/v1/domains/", StringComparison.Ordinal) && !path["/v1/domains/".Length..].Contains('/'))
            {
                return path == "/v1/domains/example.org"
                    ? (200, "{\"domain\":\"example.org\",\"domainId\":1002111,\"status\":\"ACTIVE\"}", null)
                    : Error(404, "NOT_FOUND", "The given domain is not registered, or does not have a zone file");
            }
            if (request.Method == "PATCH" && path == "/v1/domains/example.org/records")
            {
                using var body = Json(request);
                foreach (var record in body.RootElement.EnumerateArray())
                {
                    var name = record.GetProperty("name").GetString()!;
                    if (record.GetProperty("type").GetString() != "TXT" || name.EndsWith("example.org", StringComparison.Ordinal)) return Error(422, "INVALID_BODY", "invalid record");
                    if (record.GetProperty("ttl").GetInt32() < 600) return Error(422, "INVALID_BODY", "ttl must be at least 600");
                    (Txt.TryGetValue(name, out var values) ? values : Txt[name] = []).Add(record.GetProperty("data").GetString()!);
                }
                return (200, "", null);
            }
            const string prefix = "/v1/domains/example.org/records/TXT/";
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                var name = Uri.UnescapeDataString(path[prefix.Length..]);
                switch (request.Method)
                {
                    case "GET":
                        var records = Txt.TryGetValue(name, out var values) ? values.Select(v => $"{{\"data\":\"{v}\",\"name\":\"{name}\",\"ttl\":600,\"type\":\"TXT\"}}") : [];
                        return (200, $"[{string.Join(',', records)}]", null);
                    case "PUT":
                        using (var body = Json(request))
                        {
                            var replaced = body.RootElement.EnumerateArray().Select(r => r.TryGetProperty("ttl", out var ttl) && ttl.GetInt32() >= 600 ? r.GetProperty("data").GetString()! : throw new InvalidOperationException("ttl")).ToList();
                            if (replaced.Count == 0) return Error(422, "INVALID_BODY", "empty");
                            Txt[name] = replaced;
                        }
                        return (200, "", null);
                    case "DELETE":
                        return Txt.Remove(name) ? (204, "", null) : Error(404, "NOT_FOUND", "no such records");
                }
            }
            return Error(404, "NOT_FOUND", "unknown route " + path);
        }

        private static JsonDocument Json(RecordedRequest request) =>
            request.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) == true
                ? JsonDocument.Parse(request.Body)
                : throw new InvalidOperationException("not JSON");

        private static (int, string, IReadOnlyDictionary<string, string>?) Error(int status, string code, string message) =>
            (status, $"{{\"code\":\"{code}\",\"message\":\"{message}\"}}", null);
    }

    private readonly FakeGoDaddy _api = new();

    protected override string ProviderName => "godaddy";

    protected override string WrongSecret => "WrongSecretValue123";

    protected override string WrongCredentialsMessage => "UNABLE_TO_AUTHENTICATE: Unable to authenticate credentials";

    protected override (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request) => _api.Handle(request);

    protected override IReadOnlyDictionary<string, List<string>> TxtByName => _api.Txt;

    protected override string ZoneLookup(string candidate) => "/v1/domains/" + candidate;

    protected override void RateLimitOnce() => _api.RateLimitOnce = 1;

    protected override IDnsProvider Provider(FakeHttpServer server, HttpClient http, string? wrongSecret = null) =>
        new GoDaddyDnsProvider(new ProviderCredentials(new Dictionary<string, string>
        {
            ["GODADDY_API_KEY"] = Key, ["GODADDY_API_SECRET"] = wrongSecret ?? Secret, ["GODADDY_BASE_URL"] = new Uri(server.BaseUrl, "/v1").AbsoluteUri,
        }), http);

    // With a value left, the name's values are written back whole.
    protected override void AssertAfterWildcard(IReadOnlyList<RecordedRequest> requests) => Assert.Contains(requests, r => r.Method == "PUT");
}
