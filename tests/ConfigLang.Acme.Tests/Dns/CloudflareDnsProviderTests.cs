using System.Text.Json;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The cloudflare provider against a local stand-in for the v4 API that enforces the documented
/// shapes: <c>GET /zones?name=</c>, <c>POST /zones/{id}/dns_records</c> with type/name/content/ttl,
/// <c>DELETE /zones/{id}/dns_records/{record}</c>, Bearer token or X-Auth-Email + X-Auth-Key,
/// answers wrapped in <c>{success, errors, messages, result}</c>.
/// </summary>
public sealed class CloudflareDnsProviderTests : RecordIdConformanceTests
{
    private const string Token = "cf-token-0123456789";
    private const string ZoneId = "023e105f4ecef8ad9ca31a8372d0c353";

    private sealed class FakeCloudflare
    {
        public readonly Dictionary<string, (string Name, string Content)> Records = [];
        private int _next;

        public Func<RecordedRequest, bool> Authorized { get; init; } = r => r.Header("Authorization") == "Bearer " + Token;

        public int RateLimitOnce;

        public (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request)
        {
            if (!Authorized(request))
                return (403, $"{{\"success\":false,\"errors\":[{{\"code\":10000,\"message\":\"Authentication error for {request.Header("Authorization")}\"}}],\"messages\":[],\"result\":null}}", null);
            if (Interlocked.Exchange(ref RateLimitOnce, 0) == 1)
                return (429, Fail("Rate limited. Please wait and consider throttling your request speed"), new Dictionary<string, string> { ["Retry-After"] = "1" });
            if (request.Method == "GET" && request.PathAndQuery.StartsWith("/client/v4/zones?name=", StringComparison.Ordinal))
            {
                var name = Uri.UnescapeDataString(request.PathAndQuery["/client/v4/zones?name=".Length..]);
                var result = name == "example.org" ? $"[{{\"id\":\"{ZoneId}\",\"name\":\"example.org\"}}]" : "[]";
                return (200, Ok(result), null);
            }
            if (request.Method == "POST" && request.PathAndQuery == $"/client/v4/zones/{ZoneId}/dns_records")
            {
                if (request.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) != true) return (415, Fail("content type"), null);
                using var body = JsonDocument.Parse(request.Body);
                var root = body.RootElement;
                if (root.GetProperty("type").GetString() != "TXT" || root.GetProperty("ttl").GetInt32() < 60) return (400, Fail("bad record"), null);
                var id = "rec" + ++_next;
                Records[id] = (root.GetProperty("name").GetString()!, root.GetProperty("content").GetString()!);
                return (200, Ok($"{{\"id\":\"{id}\",\"type\":\"TXT\"}}"), null);
            }
            if (request.Method == "GET" && request.PathAndQuery.StartsWith($"/client/v4/zones/{ZoneId}/dns_records?", StringComparison.Ordinal))
            {
                var query = System.Web.HttpUtility.ParseQueryString(request.PathAndQuery[request.PathAndQuery.IndexOf('?')..]);
                var found = Records.Where(r => query["type"] == "TXT" && r.Value.Name == query["name"] && r.Value.Content == query["content"]).Select(r => $"{{\"id\":\"{r.Key}\"}}");
                return (200, Ok($"[{string.Join(',', found)}]"), null);
            }
            if (request.Method == "DELETE" && request.PathAndQuery.StartsWith($"/client/v4/zones/{ZoneId}/dns_records/", StringComparison.Ordinal))
            {
                var id = request.PathAndQuery[$"/client/v4/zones/{ZoneId}/dns_records/".Length..];
                return Records.Remove(id) ? (200, Ok($"{{\"id\":\"{id}\"}}"), null) : (404, Fail("no such record"), null);
            }
            return (404, Fail("unknown route " + request.PathAndQuery), null);
        }

        private static string Ok(string result) => $"{{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{result}}}";

        private static string Fail(string message) => $"{{\"success\":false,\"errors\":[{{\"code\":1004,\"message\":\"{message}\"}}],\"messages\":[],\"result\":null}}";
    }

    private static ProviderCredentials Credentials(Uri baseUrl, params (string, string)[] values)
    {
        var all = values.ToDictionary(v => v.Item1, v => v.Item2);
        all["CLOUDFLARE_BASE_URL"] = new Uri(baseUrl, "/client/v4").AbsoluteUri;
        return new ProviderCredentials(all);
    }

    private readonly FakeCloudflare _api = new();

    protected override string ProviderName => "cloudflare";

    protected override string RecordIdPath => "result.id";

    protected override bool IsCreate(RecordedRequest request) => request.Method == "POST" && request.PathAndQuery.EndsWith("/dns_records", StringComparison.Ordinal);

    protected override string WrongSecret => "cf-wrong-token-value";

    protected override string WrongCredentialsMessage => "Authentication error";

    // A restarted run's cleanup looks its own value up by name and content.
    protected override bool CleanupFindsOwnValue => true;

    // Deeper than the zone, so the lookup walks up.
    protected override string RoundTripDomain => "deep.www.example.org";

    protected override string UnknownDomain => "www.other.net";

    protected override (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request) => _api.Handle(request);

    protected override IReadOnlyCollection<FakeRecord> Records => [.. _api.Records.Values.Select(r => new FakeRecord(Zone, r.Name, r.Content))];

    protected override void RateLimitOnce() => _api.RateLimitOnce = 1;

    protected override IDnsProvider Provider(FakeHttpServer server, HttpClient http, string? wrongSecret = null) =>
        new CloudflareDnsProvider(Credentials(server.BaseUrl, ("CLOUDFLARE_DNS_API_TOKEN", wrongSecret ?? Token)), http);

    // Cloudflare names records in full.
    protected override string RecordName(string relative) => relative + ".example.org";

    // Zone lookup walked up from the most specific candidate.
    protected override void AssertAfterRoundTrip(IReadOnlyList<RecordedRequest> requests) =>
        Assert.Equal(["/client/v4/zones?name=deep.www.example.org", "/client/v4/zones?name=www.example.org", "/client/v4/zones?name=example.org"],
            requests.Where(r => r.Method == "GET").Take(3).Select(r => r.PathAndQuery));

    // The error code is kept beside the message.
    protected override void AssertWrongCredentialsError(DnsProviderException error) => Assert.Contains("10000", error.Message);

    [Fact]
    public async Task The_legacy_CF_variable_name_works()
    {
        using var server = new FakeHttpServer(_api.Handle);
        using var http = new HttpClient();
        var provider = new CloudflareDnsProvider(Credentials(server.BaseUrl, ("CF_DNS_API_TOKEN", Token)), http);

        await provider.PresentAsync(Challenge(), default);

        Assert.Single(_api.Records);
    }

    [Fact]
    public async Task The_global_api_key_is_sent_as_X_Auth_Email_and_X_Auth_Key()
    {
        var cloudflare = new FakeCloudflare { Authorized = r => r.Header("X-Auth-Email") == "admin@example.org" && r.Header("X-Auth-Key") == "global-key-42" };
        using var server = new FakeHttpServer(cloudflare.Handle);
        using var http = new HttpClient();
        var provider = new CloudflareDnsProvider(Credentials(server.BaseUrl, ("CLOUDFLARE_EMAIL", "admin@example.org"), ("CLOUDFLARE_API_KEY", "global-key-42")), http);

        await provider.PresentAsync(Challenge(), default);

        Assert.Single(cloudflare.Records);
    }
}
