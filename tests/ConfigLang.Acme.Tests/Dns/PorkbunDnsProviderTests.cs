using System.Text.Json;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The porkbun provider against a local stand-in for Porkbun's JSON API v3 that enforces its
/// documented shapes: every call a JSON POST carrying apikey and secretapikey,
/// <c>/domain/listAll</c> answering 1000 domains a call from <c>start</c>,
/// <c>/dns/create/{domain}</c> with name/type/content/ttl answering the record id,
/// <c>/dns/delete/{domain}/{id}</c>, errors <c>{"status":"ERROR","message":...}</c>, a 429 once.
/// </summary>
public sealed class PorkbunDnsProviderTests
{
    private const string ApiKey = "pk1_0123456789abcdef";
    private const string SecretKey = "sk1_fedcba9876543210";

    private sealed class FakePorkbun
    {
        // example.org only on the second page of listAll.
        private readonly List<string> _domains = [.. Enumerable.Range(0, 1000).Select(i => $"filler{i}.net"), "example.org"];
        public readonly Dictionary<long, (string Domain, string Name, string Content)> Records = [];
        private long _next = 106926658;
        public int RateLimitOnce;

        public (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request)
        {
            if (request.Method != "POST" || request.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) != true)
                return Error(400, "All API calls are JSON POSTs.");
            using var body = JsonDocument.Parse(request.Body);
            var root = body.RootElement;
            if (Text(root, "apikey") != ApiKey || Text(root, "secretapikey") != SecretKey)
                return Error(403, $"Invalid API key. (002) {Text(root, "secretapikey")}");
            if (Interlocked.Exchange(ref RateLimitOnce, 0) == 1)
                return (429, "{\"status\":\"ERROR\",\"message\":\"Rate limit exceeded.\"}", new Dictionary<string, string> { ["Retry-After"] = "1" });
            var path = request.PathAndQuery;
            if (path == "/api/json/v3/domain/listAll")
            {
                var start = int.Parse(Text(root, "start") ?? "0");
                var page = _domains.Skip(start).Take(1000).Select(d => $"{{\"domain\":\"{d}\",\"status\":\"ACTIVE\"}}");
                return (200, $"{{\"status\":\"SUCCESS\",\"domains\":[{string.Join(',', page)}]}}", null);
            }
            if (path == "/api/json/v3/dns/create/example.org")
            {
                var name = Text(root, "name")!;
                if (Text(root, "type") != "TXT" || name.EndsWith("example.org", StringComparison.Ordinal) || int.Parse(Text(root, "ttl")!) < 300)
                    return Error(400, "Invalid record.");
                var id = ++_next;
                Records[id] = ("example.org", name, Text(root, "content")!);
                return (200, $"{{\"status\":\"SUCCESS\",\"id\":{id}}}", null);
            }
            if (path.StartsWith("/api/json/v3/dns/delete/example.org/", StringComparison.Ordinal))
            {
                return Records.Remove(long.Parse(path["/api/json/v3/dns/delete/example.org/".Length..]))
                    ? (200, "{\"status\":\"SUCCESS\"}", null)
                    : Error(400, "Invalid record ID.");
            }
            return Error(404, "unknown command " + path);
        }

        private static string? Text(JsonElement root, string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;

        private static (int, string, IReadOnlyDictionary<string, string>?) Error(int status, string message) =>
            (status, $"{{\"status\":\"ERROR\",\"message\":\"{message}\"}}", null);
    }

    private static PorkbunDnsProvider Provider(FakeHttpServer server, HttpClient http, string secret = SecretKey) =>
        new(new ProviderCredentials(new Dictionary<string, string>
        {
            ["PORKBUN_API_KEY"] = ApiKey, ["PORKBUN_SECRET_API_KEY"] = secret, ["PORKBUN_BASE_URL"] = new Uri(server.BaseUrl, "/api/json/v3").AbsoluteUri,
        }), http);

    [Fact]
    public async Task A_record_is_created_in_the_domain_found_on_a_later_page_and_deleted_by_its_id()
    {
        var api = new FakePorkbun();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();
        var provider = Provider(server, http);
        var challenge = Challenge("www.example.org");

        await provider.PresentAsync(challenge, default);
        var created = Assert.Single(api.Records.Values);
        await provider.CleanupAsync(challenge, default);

        Assert.Equal(("example.org", "_acme-challenge.www", challenge.DnsTxtValue), created);
        Assert.Empty(api.Records);
        Assert.Equal(["0", "1000"], server.Requests.Where(r => r.PathAndQuery.EndsWith("listAll", StringComparison.Ordinal))
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("start").GetString()));
    }

    [Fact]
    public async Task A_wildcard_and_its_base_name_both_stay_until_each_is_cleaned_up()
    {
        var api = new FakePorkbun();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();
        var provider = Provider(server, http);
        var apex = Challenge("example.org");
        var wildcard = Wildcard("example.org");

        await provider.PresentAsync(apex, default);
        await provider.PresentAsync(wildcard, default);
        Assert.Equal(2, api.Records.Count);
        await provider.CleanupAsync(wildcard, default);

        Assert.Equal(("example.org", "_acme-challenge", apex.DnsTxtValue), Assert.Single(api.Records.Values));
    }

    [Fact]
    public async Task A_rate_limit_answer_is_waited_out_and_the_request_repeated()
    {
        var api = new FakePorkbun { RateLimitOnce = 1 };
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();

        await Provider(server, http).PresentAsync(Challenge(), default);

        Assert.Single(api.Records);
        Assert.Equal(server.Requests[0].Body, server.Requests[1].Body);
    }

    [Fact]
    public async Task Wrong_credentials_give_the_api_message_named_after_the_provider_without_the_secret()
    {
        var api = new FakePorkbun();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();
        const string wrong = "sk1_wrong_secret_value";

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => Provider(server, http, wrong).PresentAsync(Challenge(), default));

        Assert.StartsWith("porkbun: ", error.Message);
        Assert.Contains("Invalid API key. (002)", error.Message);
        Assert.DoesNotContain(wrong, error.ToString());
    }

    [Fact]
    public async Task A_name_in_no_domain_of_the_account_is_a_clear_error()
    {
        var api = new FakePorkbun();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => Provider(server, http).PresentAsync(Challenge("www.example.com"), default));

        Assert.Contains("_acme-challenge.www.example.com", error.Message);
    }
}
