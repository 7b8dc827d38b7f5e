using System.Text.Json;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The hetzner provider against a local stand-in for the Hetzner Cloud API's zones that enforces
/// its documented shapes: Bearer token, <c>GET /v1/zones?name=</c>,
/// <c>POST /v1/zones/{id}/rrsets/{name}/TXT/actions/add_records</c> with ttl and quoted record
/// values and <c>.../remove_records</c>, both answered 201 with an action, errors
/// <c>{"error":{"code","message"}}</c>, a 429 with Retry-After.
/// </summary>
public sealed class HetznerDnsProviderTests
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

    private static HetznerDnsProvider Provider(FakeHttpServer server, HttpClient http, string token = Token) =>
        new(new ProviderCredentials(new Dictionary<string, string> { ["HETZNER_API_TOKEN"] = token, ["HETZNER_BASE_URL"] = new Uri(server.BaseUrl, "/v1").AbsoluteUri }), http);

    [Fact]
    public async Task The_value_is_added_to_the_rrset_of_the_zone_found_by_name_and_removed_again()
    {
        var api = new FakeHetzner();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();
        var provider = Provider(server, http);
        var challenge = Challenge("deep.www.example.org");

        await provider.PresentAsync(challenge, default);
        var (name, values) = Assert.Single(api.RrSets);
        Assert.Equal(("_acme-challenge.deep.www", "\"" + challenge.DnsTxtValue + "\""), (name, Assert.Single(values)));
        await provider.CleanupAsync(challenge, default);

        Assert.Empty(api.RrSets);
        Assert.Equal(["/v1/zones?name=deep.www.example.org", "/v1/zones?name=www.example.org", "/v1/zones?name=example.org"],
            server.Requests.Where(r => r.Method == "GET").Take(3).Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task A_wildcard_and_its_base_name_share_the_rrset_and_cleanup_removes_only_its_value()
    {
        var api = new FakeHetzner();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();
        var provider = Provider(server, http);
        var apex = Challenge("example.org");
        var wildcard = Wildcard("example.org");

        await provider.PresentAsync(apex, default);
        await provider.PresentAsync(wildcard, default);
        Assert.Equal(2, api.RrSets["_acme-challenge"].Count);
        await provider.CleanupAsync(wildcard, default);

        Assert.Equal("\"" + apex.DnsTxtValue + "\"", Assert.Single(api.RrSets["_acme-challenge"]));
    }

    [Fact]
    public async Task A_rate_limit_answer_is_waited_out_and_the_request_repeated()
    {
        var api = new FakeHetzner { RateLimitOnce = 1 };
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();

        await Provider(server, http).PresentAsync(Challenge("example.org"), default);

        Assert.Single(api.RrSets);
        Assert.Equal(server.Requests[0].PathAndQuery, server.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task Wrong_credentials_give_the_api_message_named_after_the_provider_without_the_token()
    {
        var api = new FakeHetzner();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();
        const string wrong = "hcloud-wrong-secret-value";

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => Provider(server, http, wrong).PresentAsync(Challenge(), default));

        Assert.StartsWith("hetzner: ", error.Message);
        Assert.Contains("unauthorized: unable to authenticate", error.Message);
        Assert.DoesNotContain(wrong, error.ToString());
    }

    [Fact]
    public async Task A_name_in_no_zone_of_the_project_is_a_clear_error()
    {
        var api = new FakeHetzner();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => Provider(server, http).PresentAsync(Challenge("www.other.net"), default));

        Assert.Contains("_acme-challenge.www.other.net", error.Message);
    }
}
