using System.Text.Json;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The godaddy provider against a local stand-in for the GoDaddy Domains API v1 that enforces its
/// documented shapes: <c>Authorization: sso-key KEY:SECRET</c>, <c>GET /v1/domains/{domain}</c>
/// (404 for another's), <c>PATCH /v1/domains/{domain}/records</c> with an array of
/// type/name/data/ttl (TTL at least 600), <c>GET|PUT|DELETE .../records/TXT/{name}</c> (PUT: an
/// array of data/ttl replacing them all), errors <c>{"code","message"}</c>, a 429 with Retry-After.
/// </summary>
public sealed class GoDaddyDnsProviderTests
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

    private static GoDaddyDnsProvider Provider(FakeHttpServer server, HttpClient http, string secret = Secret) =>
        new(new ProviderCredentials(new Dictionary<string, string>
        {
            ["GODADDY_API_KEY"] = Key, ["GODADDY_API_SECRET"] = secret, ["GODADDY_BASE_URL"] = new Uri(server.BaseUrl, "/v1").AbsoluteUri,
        }), http);

    [Fact]
    public async Task A_record_is_added_in_the_domain_found_by_name_and_its_name_deleted_when_it_was_the_last()
    {
        var api = new FakeGoDaddy();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();
        var provider = Provider(server, http);
        var challenge = Challenge("deep.www.example.org");

        await provider.PresentAsync(challenge, default);
        var (name, values) = Assert.Single(api.Txt);
        Assert.Equal(("_acme-challenge.deep.www", challenge.DnsTxtValue), (name, Assert.Single(values)));
        await provider.CleanupAsync(challenge, default);

        Assert.Empty(api.Txt);
        Assert.Equal(["/v1/domains/deep.www.example.org", "/v1/domains/www.example.org", "/v1/domains/example.org"],
            server.Requests.Where(r => r.Method == "GET").Take(3).Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task A_wildcard_and_its_base_name_share_the_name_and_cleanup_keeps_the_other_value()
    {
        var api = new FakeGoDaddy();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();
        var provider = Provider(server, http);
        var apex = Challenge("example.org");
        var wildcard = Wildcard("example.org");

        await provider.PresentAsync(apex, default);
        await provider.PresentAsync(wildcard, default);
        Assert.Equal(2, api.Txt["_acme-challenge"].Count);
        await provider.CleanupAsync(wildcard, default);

        Assert.Equal([apex.DnsTxtValue], api.Txt["_acme-challenge"]);
        Assert.Contains(server.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task A_rate_limit_answer_is_waited_out_and_the_request_repeated()
    {
        var api = new FakeGoDaddy { RateLimitOnce = 1 };
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();

        await Provider(server, http).PresentAsync(Challenge(), default);

        Assert.Single(api.Txt);
        Assert.Equal(server.Requests[0].PathAndQuery, server.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task Wrong_credentials_give_the_api_message_named_after_the_provider_without_the_secret()
    {
        var api = new FakeGoDaddy();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();
        const string wrong = "WrongSecretValue123";

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => Provider(server, http, wrong).PresentAsync(Challenge(), default));

        Assert.StartsWith("godaddy: ", error.Message);
        Assert.Contains("UNABLE_TO_AUTHENTICATE: Unable to authenticate credentials", error.Message);
        Assert.DoesNotContain(wrong, error.ToString());
    }

    [Fact]
    public async Task A_name_in_no_domain_of_the_account_is_a_clear_error()
    {
        var api = new FakeGoDaddy();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => Provider(server, http).PresentAsync(Challenge("www.other.net"), default));

        Assert.Contains("_acme-challenge.www.other.net", error.Message);
    }
}
