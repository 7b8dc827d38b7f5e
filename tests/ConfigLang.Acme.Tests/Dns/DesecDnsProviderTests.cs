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
public sealed class DesecDnsProviderTests
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

    private static DesecDnsProvider Provider(FakeHttpServer server, HttpClient http, string token = Token) =>
        new(new ProviderCredentials(new Dictionary<string, string> { ["DESEC_TOKEN"] = token, ["DESEC_BASE_URL"] = new Uri(server.BaseUrl, "/api/v1").AbsoluteUri }), http);

    [Fact]
    public async Task The_rrset_is_created_in_the_zone_owning_the_name_and_deleted_with_the_last_value()
    {
        var api = new FakeDesec();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();
        var provider = Provider(server, http);
        var challenge = Challenge("www.example.org");

        await provider.PresentAsync(challenge, default);
        var (name, values) = Assert.Single(api.RrSets);
        Assert.Equal(("_acme-challenge.www", "\"" + challenge.DnsTxtValue + "\""), (name, Assert.Single(values)));
        await provider.CleanupAsync(challenge, default);

        Assert.Empty(api.RrSets);
        Assert.Equal("/api/v1/domains/?owns_qname=_acme-challenge.www.example.org", server.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task A_wildcard_and_its_base_name_share_the_rrset_and_other_values_are_kept()
    {
        var api = new FakeDesec();
        api.RrSets["_acme-challenge"] = ["\"someone-elses\""];
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();
        var provider = Provider(server, http);
        var apex = Challenge("example.org");
        var wildcard = Wildcard("example.org");

        await provider.PresentAsync(apex, default);
        await provider.PresentAsync(wildcard, default);
        Assert.Equal(3, api.RrSets["_acme-challenge"].Count);
        await provider.CleanupAsync(wildcard, default);
        Assert.Equal(["\"someone-elses\"", "\"" + apex.DnsTxtValue + "\""], api.RrSets["_acme-challenge"]);
        await provider.CleanupAsync(apex, default);

        Assert.Equal(["\"someone-elses\""], api.RrSets["_acme-challenge"]);
    }

    [Fact]
    public async Task A_throttled_request_is_waited_out_and_repeated()
    {
        var api = new FakeDesec { RateLimitOnce = 1 };
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();

        await Provider(server, http).PresentAsync(Challenge(), default);

        Assert.Single(api.RrSets);
        Assert.Equal(server.Requests[0].PathAndQuery, server.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task Wrong_credentials_give_the_api_message_named_after_the_provider_without_the_token()
    {
        var api = new FakeDesec();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();
        const string wrong = "desec-wrong-secret-value";

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => Provider(server, http, wrong).PresentAsync(Challenge(), default));

        Assert.StartsWith("desec: ", error.Message);
        Assert.Contains("HTTP 401: Invalid token.", error.Message);
        Assert.DoesNotContain(wrong, error.ToString());
    }

    [Fact]
    public async Task A_validation_error_without_detail_is_quoted()
    {
        var api = new FakeDesec();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();
        var provider = new DesecDnsProvider(new ProviderCredentials(new Dictionary<string, string>
        {
            ["DESEC_TOKEN"] = Token, ["DESEC_TTL"] = "60", ["DESEC_BASE_URL"] = new Uri(server.BaseUrl, "/api/v1").AbsoluteUri,
        }), http);

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => provider.PresentAsync(Challenge(), default));

        Assert.Contains("greater than or equal to 3600", error.Message);
    }

    [Fact]
    public async Task A_name_in_no_domain_of_the_account_is_a_clear_error()
    {
        var api = new FakeDesec();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => Provider(server, http).PresentAsync(Challenge("www.other.net"), default));

        Assert.Contains("_acme-challenge.www.other.net", error.Message);
    }
}
