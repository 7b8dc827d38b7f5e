using System.Text.Json;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The inwx provider against a local JSON-RPC stand-in enforcing INWX's documented shapes:
/// <c>{"method":...,"params":{...}}</c> POSTed to the endpoint, <c>account.login</c> with user/pass
/// setting the <c>domrobot</c> session cookie that every later call must carry,
/// <c>nameserver.createRecord</c> (domain, name, type, content, ttl), <c>nameserver.info</c>,
/// <c>nameserver.deleteRecord</c> (id), answers <c>{"code":1000,"msg":...,"resData":{...}}</c>.
/// The account holds example.org only.
/// </summary>
public sealed class InwxDnsProviderTests : DnsProviderConformanceTests
{
    private const string Password = "inwx-Pa55-word";

    private sealed class FakeInwx
    {
        public readonly Dictionary<int, (string Domain, string Name, string Content)> Records = [];
        public readonly List<string> Methods = [];
        private int _next = 100;
        private string? _session;

        public bool RequireTan { get; init; }

        public string? TanReceived { get; private set; }

        public (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request)
        {
            if (request.Method != "POST" || request.PathAndQuery != "/jsonrpc/") return (404, "", null);
            using var body = JsonDocument.Parse(request.Body);
            var method = body.RootElement.GetProperty("method").GetString()!;
            var p = body.RootElement.GetProperty("params");
            Methods.Add(method);
            if (method == "account.login")
            {
                if (p.GetProperty("user").GetString() != "alice" || p.GetProperty("pass").GetString() != Password)
                    return (200, Answer(2200, "Authentication error", $"\"reason\":\"wrong password {p.GetProperty("pass").GetString()}\""), null);
                _session = "s" + Guid.NewGuid().ToString("N");
                var tfa = RequireTan ? "GOOGLE-AUTH" : "0";
                return (200, Answer(1000, "Command completed successfully", $"\"resData\":{{\"customerId\":1,\"tfa\":\"{tfa}\"}}"),
                    new Dictionary<string, string> { ["Set-Cookie"] = $"domrobot={_session}; path=/; HttpOnly" });
            }
            if (_session is null || request.Header("Cookie") != "domrobot=" + _session) return (200, Answer(2002, "Command use error: not logged in"), null);
            switch (method)
            {
                case "account.unlock":
                    TanReceived = p.GetProperty("tan").GetString();
                    return (200, Answer(1000, "ok"), null);
                case "account.logout":
                    _session = null;
                    return (200, Answer(1500, "Command completed successfully; ending session"), null);
                case "nameserver.info":
                    var domain = p.GetProperty("domain").GetString();
                    if (domain != "example.org") return (200, Answer(2303, "Object does not exist"), null);
                    var wanted = p.TryGetProperty("name", out var n) ? n.GetString() : null;
                    var records = Records.Where(r => wanted is null || r.Value.Name == wanted)
                        .Select(r => $"{{\"id\":{r.Key},\"name\":\"{r.Value.Name}\",\"type\":\"TXT\",\"content\":\"{r.Value.Content}\",\"ttl\":300}}");
                    return (200, Answer(1000, "ok", $"\"resData\":{{\"roId\":7,\"domain\":\"example.org\",\"record\":[{string.Join(',', records)}]}}"), null);
                case "nameserver.createRecord":
                    if (p.GetProperty("domain").GetString() != "example.org") return (200, Answer(2303, "Object does not exist"), null);
                    if (p.GetProperty("type").GetString() != "TXT" || p.GetProperty("ttl").GetInt32() < 300) return (200, Answer(2005, "Parameter value range error"), null);
                    var id = ++_next;
                    Records[id] = ("example.org", p.GetProperty("name").GetString()!, p.GetProperty("content").GetString()!);
                    return (200, Answer(1000, "ok", $"\"resData\":{{\"id\":{id}}}"), null);
                case "nameserver.deleteRecord":
                    return Records.Remove(p.GetProperty("id").GetInt32()) ? (200, Answer(1000, "ok"), null) : (200, Answer(2303, "Object does not exist"), null);
                default:
                    return (200, Answer(2000, "Unknown command"), null);
            }
        }

        private static string Answer(int code, string message, string? extra = null) =>
            $"{{\"code\":{code},\"msg\":\"{message}\"{(extra is null ? "" : "," + extra)}}}";
    }

    private readonly FakeInwx _api = new();

    protected override string ProviderName => "inwx";

    protected override string WrongSecret => "wrong-Pa55-given";

    protected override string WrongCredentialsMessage => "login: code 2200: Authentication error";

    private const string NoRateLimit =
        "INWX answers every JSON-RPC call HTTP 200 with a result code and documents no 429 (lego's inwx retries none either)";

    [Fact(Skip = NoRateLimit)]
    public override Task A_rate_limit_answer_is_waited_out_and_the_request_repeated() => Task.CompletedTask;

    protected override (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request) => _api.Handle(request);

    protected override IReadOnlyCollection<FakeRecord> Records => [.. _api.Records.Values.Select(r => new FakeRecord(r.Domain, r.Name, r.Content))];

    protected override void RateLimitOnce() => throw new NotSupportedException(NoRateLimit);

    // The session is a cookie the provider keeps itself: it makes its own client, which leaves cookies alone.
    protected override IDnsProvider Provider(FakeHttpServer server, HttpClient http, string? wrongSecret = null) =>
        new InwxDnsProvider(Credentials(server.BaseUrl, wrongSecret ?? Password));

    // INWX keeps names absolute, without the final dot.
    protected override string RecordName(string relative) => relative + ".example.org";

    // Every call is a POST; only these change records.
    protected override bool IsWrite(RecordedRequest request)
    {
        using var body = JsonDocument.Parse(request.Body);
        return body.RootElement.GetProperty("method").GetString() is "nameserver.createRecord" or "nameserver.deleteRecord" or "nameserver.updateRecord";
    }

    private static ProviderCredentials Credentials(Uri baseUrl, string password = Password, string? sharedSecret = null)
    {
        var values = new Dictionary<string, string>
        {
            ["INWX_USERNAME"] = "alice",
            ["INWX_PASSWORD"] = password,
            ["INWX_ENDPOINT"] = new Uri(baseUrl, "/jsonrpc/").AbsoluteUri,
        };
        if (sharedSecret is not null) values["INWX_SHARED_SECRET"] = sharedSecret;
        return new ProviderCredentials(values);
    }

    [Fact]
    public async Task Present_logs_in_creates_the_record_in_the_zone_and_logs_out_and_cleanup_deletes_only_our_value()
    {
        var inwx = new FakeInwx();
        using var server = new FakeHttpServer(inwx.Handle);
        var provider = new InwxDnsProvider(Credentials(server.BaseUrl));
        var apex = Challenge("example.org");
        var wildcard = Wildcard("example.org");

        await provider.PresentAsync(apex, default);
        await provider.PresentAsync(wildcard, default);
        Assert.Equal(2, inwx.Records.Count);
        Assert.All(inwx.Records.Values, r => Assert.Equal(("example.org", "_acme-challenge.example.org"), (r.Domain, r.Name)));
        await provider.CleanupAsync(wildcard, default);

        Assert.Equal(apex.DnsTxtValue, Assert.Single(inwx.Records.Values).Content);
        Assert.Equal(["account.login", "nameserver.info", "nameserver.createRecord", "account.logout"], inwx.Methods.Take(4));
        Assert.Equal("account.logout", inwx.Methods[^1]);
    }

    [Fact]
    public async Task The_zone_is_found_by_walking_up_from_the_record_name()
    {
        var inwx = new FakeInwx();
        using var server = new FakeHttpServer(inwx.Handle);
        var provider = new InwxDnsProvider(Credentials(server.BaseUrl));

        await provider.PresentAsync(Challenge("a.b.example.org"), default);

        var record = Assert.Single(inwx.Records.Values);
        Assert.Equal(("example.org", "_acme-challenge.a.b.example.org"), (record.Domain, record.Name));
    }

    [Fact]
    public async Task Two_factor_accounts_are_unlocked_with_a_totp_code_from_the_shared_secret()
    {
        var inwx = new FakeInwx { RequireTan = true };
        using var server = new FakeHttpServer(inwx.Handle);
        var provider = new InwxDnsProvider(Credentials(server.BaseUrl, sharedSecret: "JBSWY3DPEHPK3PXP"));

        await provider.PresentAsync(Challenge(), default);

        Assert.Contains("account.unlock", inwx.Methods);
        Assert.Matches("^[0-9]{6}$", inwx.TanReceived);
        Assert.Single(inwx.Records);
    }

    [Fact]
    public async Task An_answer_that_is_not_2xx_is_an_error_whatever_code_its_body_carries()
    {
        var inwx = new FakeInwx();
        // A gateway in front answers the create call 502 with a body in INWX's shape saying "done".
        using var server = new FakeHttpServer(request =>
        {
            var answer = inwx.Handle(request);
            return request.Body.Contains("nameserver.createRecord", StringComparison.Ordinal)
                ? (502, "{\"code\":1000,\"msg\":\"upstream timed out\"}", null)
                : answer;
        });
        var provider = new InwxDnsProvider(Credentials(server.BaseUrl));

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => provider.PresentAsync(Challenge(), default));

        Assert.Equal("inwx: create TXT _acme-challenge.www.example.org: HTTP 502: upstream timed out", error.Message);
    }

    [Fact]
    public async Task A_long_message_and_reason_are_quoted_cut_short()
    {
        var inwx = new FakeInwx();
        var flood = new string('m', 100_000);
        using var server = new FakeHttpServer(request => request.Body.Contains("nameserver.createRecord", StringComparison.Ordinal)
            ? (200, $"{{\"code\":2400,\"msg\":\"{flood}\",\"reason\":\"{flood}\"}}", null)
            : inwx.Handle(request));
        var provider = new InwxDnsProvider(Credentials(server.BaseUrl));

        var error = await Assert.ThrowsAnyAsync<DnsProviderException>(() => provider.PresentAsync(Challenge(), default));

        Assert.Equal($"inwx: create TXT _acme-challenge.www.example.org: code 2400: {flood[..200]}... ({flood[..200]}...)", error.Message);
    }

    [Fact]
    public async Task A_failed_login_is_reported_without_the_password_even_when_the_server_echoes_it()
    {
        var inwx = new FakeInwx();
        using var server = new FakeHttpServer(inwx.Handle);
        const string wrong = "wrong-Pa55-given";
        var provider = new InwxDnsProvider(Credentials(server.BaseUrl, password: wrong));

        var error = await Assert.ThrowsAnyAsync<DnsProviderException>(() => provider.PresentAsync(Challenge(), default));

        Assert.Contains("2200", error.Message);
        Assert.DoesNotContain(wrong, error.ToString());
    }

    [Fact]
    public async Task A_server_echoing_the_session_cookie_in_an_error_does_not_get_it_printed()
    {
        var inwx = new FakeInwx();
        string? cookie = null;
        using var server = new FakeHttpServer(request =>
        {
            if (!request.Body.Contains("nameserver.createRecord", StringComparison.Ordinal)) return inwx.Handle(request);
            cookie = request.Header("Cookie");
            return (200, $"{{\"code\":2400,\"msg\":\"rejected request with Cookie: {cookie}\"}}", null);
        });
        var provider = new InwxDnsProvider(Credentials(server.BaseUrl));

        var error = await Assert.ThrowsAnyAsync<DnsProviderException>(() => provider.PresentAsync(Challenge(), default));

        Assert.StartsWith("domrobot=s", cookie);
        Assert.Equal("inwx: create TXT _acme-challenge.www.example.org: code 2400: rejected request with Cookie: ***", error.Message);
    }
}
