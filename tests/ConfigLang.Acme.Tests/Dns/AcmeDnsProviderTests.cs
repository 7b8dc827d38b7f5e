using System.Text.Json;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The acme-dns provider against a local stand-in for a joohoi/acme-dns server that enforces its
/// documented shapes: <c>POST /update</c> with X-Api-User and X-Api-Key, a JSON body of the
/// account's subdomain and a 43-character txt, the two latest values kept per subdomain, errors
/// <c>{"error":...}</c>; accounts from lego's storage file or storage server (the conformance
/// cases use the server, whose answer the provider reads).
/// </summary>
public sealed class AcmeDnsProviderTests : DnsProviderConformanceTests
{
    private const string NoDelete = "acme-dns has no delete: cleanup leaves the value until two newer ones replace it";
    private const string Username = "eabcdb41-d89f-4580-826f-3e62e9755ef2";
    private const string Password = "pbAXVjlIOE01xbut7YnAbkhMQIkcwoHO0ek2j4Q0";
    private const string Subdomain = "d420c923-bbd7-4056-ab64-c3ca54c9b3cf";
    private const string StoragePath = "/var/lib/acme/acme-dns.json";

    private static readonly string Storage = JsonSerializer.Serialize(new Dictionary<string, Dictionary<string, string>>
    {
        ["example.org"] = new() { ["username"] = Username, ["password"] = Password, ["subdomain"] = Subdomain, ["fulldomain"] = Subdomain + ".auth.example.net" },
    });

    private sealed class FakeAcmeDns
    {
        public readonly List<string> Values = [];
        public int RateLimitOnce;

        /// <summary>The password the storage server hands out for the account.</summary>
        public string StoredPassword { get; set; } = Password;

        public (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request)
        {
            // One account serves example.org and the names in it.
            if (request.Method == "GET" && request.PathAndQuery is "/storage/example.org" or "/storage/www.example.org")
                return (200, JsonDocument.Parse(Storage).RootElement.GetProperty("example.org").GetRawText().Replace(Password, StoredPassword, StringComparison.Ordinal), null);
            if (request.Method == "GET" && request.PathAndQuery.StartsWith("/storage/", StringComparison.Ordinal)) return (404, "", null);
            if (request.Method != "POST" || request.PathAndQuery != "/update") return (404, "{\"error\":\"not found\"}", null);
            if (request.Header("X-Api-User") != Username || request.Header("X-Api-Key") != Password)
                return (401, $"{{\"error\":\"forbidden ({request.Header("X-Api-Key")})\"}}", null);
            if (Interlocked.Exchange(ref RateLimitOnce, 0) == 1)
                return (429, "{\"error\":\"too many requests\"}", new Dictionary<string, string> { ["Retry-After"] = "1" });
            using var body = JsonDocument.Parse(request.Body);
            if (body.RootElement.GetProperty("subdomain").GetString() != Subdomain) return (400, "{\"error\":\"bad_subdomain\"}", null);
            var txt = body.RootElement.GetProperty("txt").GetString()!;
            if (txt.Length != 43) return (400, "{\"error\":\"bad_txt\"}", null);
            Values.Add(txt);
            if (Values.Count > 2) Values.RemoveAt(0);
            return (200, $"{{\"txt\":\"{txt}\"}}", null);
        }
    }

    private readonly FakeAcmeDns _api = new();

    protected override string ProviderName => "acme-dns";

    protected override string WrongSecret => "WrongPasswordWrongPasswordWrongPassword2";

    protected override string WrongCredentialsMessage => "HTTP 401: forbidden";

    [Fact(Skip = NoDelete)]
    public override Task A_record_is_created_in_the_zone_found_and_deleted_again() => Task.CompletedTask;

    [Fact(Skip = NoDelete)]
    public override Task A_wildcard_and_its_base_name_both_stay_until_each_is_cleaned_up() => Task.CompletedTask;

    protected override (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request) => _api.Handle(request);

    // The values live in the account's own zone on the acme-dns server, under its subdomain.
    protected override IReadOnlyCollection<FakeRecord> Records => [.. _api.Values.Select(value => new FakeRecord("auth.example.net", Subdomain, value))];

    protected override void RateLimitOnce() => _api.RateLimitOnce = 1;

    protected override IDnsProvider Provider(FakeHttpServer server, HttpClient http, string? wrongSecret = null)
    {
        _api.StoredPassword = wrongSecret ?? Password;
        return new AcmeDnsProvider(new ProviderCredentials(new Dictionary<string, string>
        {
            ["ACME_DNS_API_BASE"] = server.BaseUrl.AbsoluteUri, ["ACME_DNS_STORAGE_BASE_URL"] = new Uri(server.BaseUrl, "/storage").AbsoluteUri,
        }), http);
    }

    // The account is read first; the update answered 429 is the one sent again.
    protected override void AssertRepeated(IReadOnlyList<RecordedRequest> requests) =>
        Assert.Equal(["/storage/www.example.org", "/update", "/update"], requests.Select(r => r.PathAndQuery));

    private static AcmeDnsProvider FromFile(FakeHttpServer server, HttpClient http) =>
        new(new ProviderCredentials(new Dictionary<string, string>
        {
            ["ACME_DNS_API_BASE"] = server.BaseUrl.AbsoluteUri, ["ACME_DNS_STORAGE_PATH"] = StoragePath,
        }, path => path == StoragePath ? Storage : throw new FileNotFoundException(path)), http);

    [Fact]
    public async Task A_wildcard_and_its_base_name_are_both_published_with_the_stored_account()
    {
        var api = new FakeAcmeDns();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();
        var provider = FromFile(server, http);
        var apex = Challenge("example.org");
        var wildcard = Wildcard("example.org");

        await provider.PresentAsync(apex, default);
        await provider.PresentAsync(wildcard, default);
        await provider.CleanupAsync(wildcard, default);

        Assert.Equal([apex.DnsTxtValue, wildcard.DnsTxtValue], api.Values);
    }

    [Fact]
    public async Task A_domain_without_an_account_says_how_to_register_one()
    {
        var api = new FakeAcmeDns();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => FromFile(server, http).PresentAsync(Challenge("www.other.net"), default));

        Assert.Contains("no acme-dns account for www.other.net", error.Message);
        Assert.Contains("CNAME _acme-challenge.www.other.net", error.Message);
        Assert.Empty(server.Requests);
    }
}
