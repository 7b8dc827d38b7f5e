using System.Text;
using System.Text.Json;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Protocol;
using ConfigLang.Acme.Tests.Testbed;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>lego's httpreq contract against a local endpoint that checks each request.</summary>
public sealed class HttpReqDnsProviderTests : DnsProviderConformanceTests
{
    /// <summary>An endpoint as a user may write one: basic auth, the TXT values it was sent by name, a 429 on demand.</summary>
    private sealed class FakeEndpoint
    {
        public readonly Dictionary<string, List<string>> Txt = [];
        public int RateLimitOnce;

        public (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request)
        {
            var password = request.Header("Authorization") is { } auth && auth.StartsWith("Basic ", StringComparison.Ordinal)
                ? Encoding.UTF8.GetString(Convert.FromBase64String(auth["Basic ".Length..])).Split(':', 2)[^1]
                : "";
            if (password != "p4ss") return (401, $"{{\"error\":\"bad password {password}\"}}", null);
            if (Interlocked.Exchange(ref RateLimitOnce, 0) == 1) return (429, "{\"error\":\"slow down\"}", new Dictionary<string, string> { ["Retry-After"] = "1" });
            var refused = Enforce(request, raw: false);
            if (refused.Item1 != 200) return refused;
            using var body = JsonDocument.Parse(request.Body);
            var fqdn = body.RootElement.GetProperty("fqdn").GetString()!;
            var value = body.RootElement.GetProperty("value").GetString()!;
            var values = Txt.TryGetValue(fqdn, out var existing) ? existing : Txt[fqdn] = [];
            if (request.PathAndQuery.EndsWith("/present", StringComparison.Ordinal)) values.Add(value);
            else if (values.Remove(value) && values.Count == 0) Txt.Remove(fqdn);
            return (200, "{}", null);
        }
    }

    private readonly FakeEndpoint _api = new();

    protected override string ProviderName => "httpreq";

    protected override string WrongSecret => "wrong-p4ss-given";

    protected override string WrongCredentialsMessage => "HTTP 401: {\"error\":\"bad password";

    private const string NoZones =
        "httpreq knows no zones: the endpoint is sent every name and takes or refuses it itself";

    private const string ReadsNoAnswer =
        "httpreq reads no answer: a 2xx status is the whole of it, and it never writes more than its own value";

    [Fact(Skip = NoZones)]
    public override Task A_name_in_no_zone_of_the_account_is_a_clear_error_and_nothing_is_written() => Task.CompletedTask;

    [Fact(Skip = ReadsNoAnswer)]
    public override Task An_answer_in_another_shape_is_an_error_named_after_the_provider_and_never_drops_another_value() => Task.CompletedTask;

    protected override (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request) => _api.Handle(request);

    protected override IReadOnlyCollection<FakeRecord> Records => RecordsOf("example.org", _api.Txt);

    protected override void RateLimitOnce() => _api.RateLimitOnce = 1;

    protected override IDnsProvider Provider(FakeHttpServer server, HttpClient http, string? wrongSecret = null) =>
        new HttpReqDnsProvider(new ProviderCredentials(new Dictionary<string, string>
        {
            ["HTTPREQ_ENDPOINT"] = new Uri(server.BaseUrl, "/api").AbsoluteUri, ["HTTPREQ_USERNAME"] = "acme", ["HTTPREQ_PASSWORD"] = wrongSecret ?? "p4ss",
        }), http);

    // The endpoint is sent the absolute name with its final dot.
    protected override string RecordName(string relative) => relative + ".example.org.";

    private static (int, string, IReadOnlyDictionary<string, string>?) Enforce(RecordedRequest request, bool raw)
    {
        if (request.Method != "POST" || request.PathAndQuery is not ("/api/present" or "/api/cleanup")) return (404, "{}", null);
        if (request.Header("Authorization") != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("acme:p4ss"))) return (401, "{}", null);
        if (request.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) != true) return (415, "{}", null);
        using var body = JsonDocument.Parse(request.Body);
        var names = body.RootElement.EnumerateObject().Select(p => p.Name).Order().ToArray();
        string[] expected = raw ? ["domain", "keyAuth", "token"] : ["fqdn", "value"];
        return names.SequenceEqual(expected) ? (200, "{}", null) : (400, "{}", null);
    }

    private static ProviderCredentials Credentials(Uri endpoint, bool raw) => new(new Dictionary<string, string>
    {
        ["HTTPREQ_ENDPOINT"] = new Uri(endpoint, "/api").AbsoluteUri,
        ["HTTPREQ_USERNAME"] = "acme",
        ["HTTPREQ_PASSWORD"] = "p4ss",
        ["HTTPREQ_MODE"] = raw ? "RAW" : "",
    });

    [Fact]
    public async Task Default_mode_posts_fqdn_and_value_to_present_and_cleanup_with_basic_auth()
    {
        using var server = new FakeHttpServer(r => Enforce(r, raw: false));
        using var http = new HttpClient();
        var provider = new HttpReqDnsProvider(Credentials(server.BaseUrl, raw: false), http);
        var challenge = Challenge();

        await provider.PresentAsync(challenge, default);
        await provider.CleanupAsync(challenge, default);

        Assert.Equal(["/api/present", "/api/cleanup"], server.Requests.Select(r => r.PathAndQuery));
        using var body = JsonDocument.Parse(server.Requests[0].Body);
        Assert.Equal("_acme-challenge.www.example.org.", body.RootElement.GetProperty("fqdn").GetString());
        Assert.Equal(challenge.DnsTxtValue, body.RootElement.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Raw_mode_posts_domain_token_and_key_authorization()
    {
        using var server = new FakeHttpServer(r => Enforce(r, raw: true));
        using var http = new HttpClient();
        var provider = new HttpReqDnsProvider(Credentials(server.BaseUrl, raw: true), http);

        await provider.PresentAsync(Challenge(), default);

        using var body = JsonDocument.Parse(server.Requests.Single().Body);
        Assert.Equal("www.example.org", body.RootElement.GetProperty("domain").GetString());
        Assert.Equal("tok_en-123.thumbprint", body.RootElement.GetProperty("keyAuth").GetString());
    }

    [Fact]
    public async Task A_refused_request_is_an_error_with_status_and_body_but_without_the_password()
    {
        using var server = new FakeHttpServer(r => (403, "{\"error\":\"user acme with password p4ss may not do this\"}", null));
        using var http = new HttpClient();
        var provider = new HttpReqDnsProvider(Credentials(server.BaseUrl, raw: false), http);

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => provider.PresentAsync(Challenge(), default));

        Assert.Contains("403", error.Message);
        Assert.Contains("may not do this", error.Message);
        Assert.DoesNotContain("p4ss", error.ToString());
    }

    [Fact]
    public async Task A_long_refusal_is_cut_short_only_after_the_password_in_it_is_masked()
    {
        const string password = "correct-horse-battery-staple";
        // The password spans the 200th character, where DnsHttpApi cuts a long answer: cut first, its start would be printed.
        var answer = new string('x', 190) + " " + password + " " + new string('y', 200);
        using var server = new FakeHttpServer(_ => (500, answer, null));
        using var http = new HttpClient();
        var provider = new HttpReqDnsProvider(new ProviderCredentials(new Dictionary<string, string>
        {
            ["HTTPREQ_ENDPOINT"] = new Uri(server.BaseUrl, "/api").AbsoluteUri, ["HTTPREQ_USERNAME"] = "acme", ["HTTPREQ_PASSWORD"] = password,
        }), http);

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => provider.PresentAsync(Challenge(), default));

        Assert.DoesNotContain("correct-h", error.ToString());
        Assert.Contains("/api/present: HTTP 500: xxxx", error.Message);
    }

    [Fact]
    public async Task User_and_password_in_the_endpoint_are_sent_as_basic_auth_and_never_printed()
    {
        using var server = new FakeHttpServer(_ => (500, "{\"error\":\"update refused for u:pw\"}", null));
        using var http = AcmeHttp.CreateClient(timeout: TimeSpan.FromSeconds(10));
        var endpoint = $"http://u:pw@127.0.0.1:{server.BaseUrl.Port}/hook";
        var provider = new HttpReqDnsProvider(new ProviderCredentials(new Dictionary<string, string> { ["HTTPREQ_ENDPOINT"] = endpoint }), http);

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => provider.PresentAsync(Challenge(), default));

        var request = server.Requests.Single();
        Assert.Equal("/hook/present", request.PathAndQuery);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("u:pw")), request.Header("Authorization"));
        Assert.Contains("500", error.Message);
        Assert.Contains("update refused", error.Message);
        Assert.DoesNotContain("pw", error.ToString());
    }

    [Fact]
    public async Task HTTPREQ_USERNAME_and_HTTPREQ_PASSWORD_win_over_the_endpoints_user_info()
    {
        using var server = new FakeHttpServer(r => Enforce(r, raw: false));
        using var http = new HttpClient();
        var provider = new HttpReqDnsProvider(new ProviderCredentials(new Dictionary<string, string>
        {
            ["HTTPREQ_ENDPOINT"] = $"http://other:secret@127.0.0.1:{server.BaseUrl.Port}/api",
            ["HTTPREQ_USERNAME"] = "acme",
            ["HTTPREQ_PASSWORD"] = "p4ss",
        }), http);

        await provider.PresentAsync(Challenge(), default);

        Assert.Equal("/api/present", server.Requests.Single().PathAndQuery);
    }

    [Theory]
    [InlineData("/api", "/api/present", "/api/cleanup")]
    [InlineData("/api/", "/api/present", "/api/cleanup")]
    [InlineData("", "/present", "/cleanup")]
    [InlineData("/hook?k=v", "/hook/present?k=v", "/hook/cleanup?k=v")]
    public async Task The_action_is_appended_to_the_endpoints_path_and_its_query_is_kept(string endpoint, string present, string cleanup)
    {
        using var server = new FakeHttpServer(_ => (200, "{}", null));
        using var http = new HttpClient();
        var provider = new HttpReqDnsProvider(new ProviderCredentials(new Dictionary<string, string>
        {
            ["HTTPREQ_ENDPOINT"] = $"http://127.0.0.1:{server.BaseUrl.Port}{endpoint}",
        }), http);

        await provider.PresentAsync(Challenge(), default);
        await provider.CleanupAsync(Challenge(), default);

        Assert.Equal([present, cleanup], server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_named_once_by_the_URL_asked()
    {
        using var refusing = new ConfigLang.TestSupport.RefusingPort();
        var port = refusing.Port;
        using var http = new HttpClient();
        var provider = new HttpReqDnsProvider(new ProviderCredentials(new Dictionary<string, string>
        {
            ["HTTPREQ_ENDPOINT"] = $"http://127.0.0.1:{port}/api?key=v",
        }), http);

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => provider.PresentAsync(Challenge(), default));

        Assert.Contains($"present _acme-challenge.www.example.org.: http://127.0.0.1:{port}/api/present unreachable: ", error.Message);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(error.Message, "http://"));
        // The query is the user's and may hold a key the redactor does not know.
        Assert.DoesNotContain("key=v", error.Message);
    }
}
