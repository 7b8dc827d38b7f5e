using System.Text.Json;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The hetzner provider against a local stand-in for the Hetzner Cloud API's zones that enforces
/// its documented shapes: Bearer token, <c>GET /v1/zones?name=</c>,
/// <c>POST /v1/zones/{id}/rrsets/{name}/TXT/actions/add_records</c> with ttl and quoted record
/// values and <c>.../remove_records</c>, both answered 201 with an action, errors
/// <c>{"error":{"code","message"}}</c>, a 429 with Retry-After.
/// </summary>
public sealed class HetznerDnsProviderTests : ZoneWalkConformanceTests
{
    private const string Token = "hcloud-token-0123456789abcdef";
    private const long ZoneId = 4711;

    private sealed class FakeHetzner
    {
        public readonly Dictionary<string, List<string>> RrSets = [];
        public int RateLimitOnce;
        private int _actions;

        public (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request)
        {
            if (request.Header("Authorization") != "Bearer " + Token)
                return Error(401, "unauthorized", $"unable to authenticate ({request.Header("Authorization")})");
            if (Interlocked.Exchange(ref RateLimitOnce, 0) == 1)
                return (429, "{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"limit of 3600 requests per hour reached\"}}", new Dictionary<string, string> { ["Retry-After"] = "1" });
            var path = request.PathAndQuery;
            if (request.Method == "GET" && path.StartsWith("/v1/zones?name=", StringComparison.Ordinal))
            {
                var name = Uri.UnescapeDataString(path["/v1/zones?name=".Length..]);
                var zones = name == "example.org" ? $"[{{\"id\":{ZoneId},\"name\":\"example.org\",\"mode\":\"primary\"}}]" : "[]";
                return (200, $"{{\"zones\":{zones},\"meta\":{{\"pagination\":{{\"page\":1,\"per_page\":25,\"next_page\":null,\"last_page\":1,\"total_entries\":{(zones == "[]" ? 0 : 1)}}}}}}}", null);
            }
            var prefix = $"/v1/zones/{ZoneId}/rrsets/";
            if (request.Method == "POST" && path.StartsWith(prefix, StringComparison.Ordinal))
            {
                var parts = path[prefix.Length..].Split('/');
                if (parts.Length != 4 || parts[1] != "TXT" || parts[2] != "actions") return Error(404, "not_found", "unknown route " + path);
                var name = Uri.UnescapeDataString(parts[0]);
                if (name != name.ToLowerInvariant() || name.EndsWith("example.org", StringComparison.Ordinal)) return Error(422, "invalid_input", "invalid rr_name");
                if (request.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) != true) return Error(415, "invalid_input", "content type");
                using var body = JsonDocument.Parse(request.Body);
                var values = body.RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("value").GetString()!).ToList();
                if (values.Any(v => v.Length < 2 || v[0] != '"' || v[^1] != '"')) return Error(422, "invalid_input", "TXT values must be quoted");
                var set = RrSets.TryGetValue(name, out var existing) ? existing : RrSets[name] = [];
                if (parts[3] == "add_records")
                {
                    if (body.RootElement.GetProperty("ttl").GetInt32() < 60) return Error(422, "invalid_input", "ttl");
                    set.AddRange(values.Where(v => !set.Contains(v)));
                }
                else if (parts[3] == "remove_records")
                {
                    set.RemoveAll(values.Contains);
                    if (set.Count == 0) RrSets.Remove(name);
                }
                else return Error(404, "not_found", "unknown action");
                return (201, $"{{\"action\":{{\"id\":{++_actions},\"command\":\"{parts[3]}\",\"status\":\"running\"}}}}", null);
            }
            return Error(404, "not_found", "unknown route " + path);
        }

        private static (int, string, IReadOnlyDictionary<string, string>?) Error(int status, string code, string message) =>
            (status, $"{{\"error\":{{\"code\":\"{code}\",\"message\":\"{message}\",\"details\":{{}}}}}}", null);
    }

    private readonly FakeHetzner _api = new();

    protected override string ProviderName => "hetzner";

    protected override string WrongSecret => "hcloud-wrong-secret-value";

    protected override string WrongCredentialsMessage => "unauthorized: unable to authenticate";

    protected override (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request) => _api.Handle(request);

    protected override IReadOnlyDictionary<string, List<string>> TxtByName => _api.RrSets;

    protected override string ZoneLookup(string candidate) => "/v1/zones?name=" + candidate;

    protected override void RateLimitOnce() => _api.RateLimitOnce = 1;

    protected override IDnsProvider Provider(FakeHttpServer server, HttpClient http, string? wrongSecret = null) =>
        new HetznerDnsProvider(new ProviderCredentials(new Dictionary<string, string>
        {
            ["HETZNER_API_TOKEN"] = wrongSecret ?? Token, ["HETZNER_BASE_URL"] = new Uri(server.BaseUrl, "/v1").AbsoluteUri,
        }), http);

    // Hetzner keeps TXT values quoted.
    protected override string StoredValue(string value) => "\"" + value + "\"";
}
