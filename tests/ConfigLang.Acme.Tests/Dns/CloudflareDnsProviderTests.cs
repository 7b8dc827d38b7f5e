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
public sealed class CloudflareDnsProviderTests
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

    [Fact]
    public async Task A_record_is_created_in_the_zone_found_by_name_and_deleted_again()
    {
        var cloudflare = new FakeCloudflare();
        using var server = new FakeHttpServer(cloudflare.Handle);
        using var http = new HttpClient();
        var provider = new CloudflareDnsProvider(Credentials(server.BaseUrl, ("CLOUDFLARE_DNS_API_TOKEN", Token)), http);
        var challenge = Challenge("deep.www.example.org");

        await provider.PresentAsync(challenge, default);
        var created = Assert.Single(cloudflare.Records.Values);
        await provider.CleanupAsync(challenge, default);

        Assert.Equal(("_acme-challenge.deep.www.example.org", challenge.DnsTxtValue), created);
        Assert.Empty(cloudflare.Records);
        // Zone lookup walked up from the most specific candidate.
        Assert.Equal(["/client/v4/zones?name=deep.www.example.org", "/client/v4/zones?name=www.example.org", "/client/v4/zones?name=example.org"],
            server.Requests.Where(r => r.Method == "GET").Take(3).Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task The_legacy_CF_variable_name_and_a_wildcard_with_its_base_name_both_work()
    {
        var cloudflare = new FakeCloudflare();
        using var server = new FakeHttpServer(cloudflare.Handle);
        using var http = new HttpClient();
        var provider = new CloudflareDnsProvider(Credentials(server.BaseUrl, ("CF_DNS_API_TOKEN", Token)), http);
        var apex = Challenge("example.org");
        var wildcard = Wildcard("example.org");

        await provider.PresentAsync(apex, default);
        await provider.PresentAsync(wildcard, default);
        Assert.Equal(2, cloudflare.Records.Count);
        await provider.CleanupAsync(wildcard, default);

        Assert.Equal(apex.DnsTxtValue, Assert.Single(cloudflare.Records.Values).Content);
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

    [Fact]
    public async Task A_rate_limit_answer_is_waited_out_and_the_request_repeated()
    {
        var cloudflare = new FakeCloudflare { RateLimitOnce = 1 };
        using var server = new FakeHttpServer(cloudflare.Handle);
        using var http = new HttpClient();
        var provider = new CloudflareDnsProvider(Credentials(server.BaseUrl, ("CLOUDFLARE_DNS_API_TOKEN", Token)), http);

        await provider.PresentAsync(Challenge("example.org"), default);

        Assert.Single(cloudflare.Records);
        Assert.Equal(server.Requests[0].PathAndQuery, server.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task An_api_error_is_reported_with_codes_but_the_token_never_appears()
    {
        var cloudflare = new FakeCloudflare { Authorized = _ => false };
        using var server = new FakeHttpServer(cloudflare.Handle);
        using var http = new HttpClient();
        var provider = new CloudflareDnsProvider(Credentials(server.BaseUrl, ("CLOUDFLARE_DNS_API_TOKEN", Token)), http);

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => provider.PresentAsync(Challenge(), default));

        Assert.Contains("10000", error.Message);
        Assert.Contains("Authentication error", error.Message);
        Assert.DoesNotContain(Token, error.ToString());
    }

    [Fact]
    public async Task A_name_in_no_zone_of_the_account_is_a_clear_error()
    {
        var cloudflare = new FakeCloudflare();
        using var server = new FakeHttpServer(cloudflare.Handle);
        using var http = new HttpClient();
        var provider = new CloudflareDnsProvider(Credentials(server.BaseUrl, ("CLOUDFLARE_DNS_API_TOKEN", Token)), http);

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => provider.PresentAsync(Challenge("www.other.net"), default));

        Assert.Contains("_acme-challenge.www.other.net", error.Message);
    }
}
