using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The ovh provider against a local stand-in for the OVHcloud API 1.0 that enforces its documented
/// shapes: requests signed with X-Ovh-Application/Consumer/Timestamp/Signature (checked by
/// recomputing <c>$1$ + SHA1(AS+CK+METHOD+URL+BODY+TS)</c>, the timestamp within 30 s of the server's
/// clock, which runs 1000 s ahead of the client's) or a Bearer access token;
/// <c>GET /1.0/auth/time</c>, <c>GET /1.0/domain/zone</c>, <c>POST .../record</c> with
/// fieldType/subDomain/target/ttl, <c>DELETE .../record/{id}</c>, <c>POST .../refresh</c>, errors
/// <c>{"errorCode","httpCode","message"}</c>, a 429 with Retry-After.
/// </summary>
public sealed class OvhDnsProviderTests : RecordIdConformanceTests
{
    private const string ApplicationKey = "7kbG7Bk7S9Nt7ZSV";
    private const string ApplicationSecret = "EXEgWIz07P0HYwtQDs7cNIqCiQaWSuHF";
    private const string ConsumerKey = "MtSwSrPpNjqfVSmJhLbPyr2i45lSwPU1";
    private const string AccessToken = "ovh-access-token-0123456789";
    private const long ServerSkew = 1000;

    private sealed class FakeOvh(string baseUrl)
    {
        public readonly Dictionary<long, (string Zone, string SubDomain, string Target)> Records = [];
        public int Refreshes;
        public int RateLimitOnce;
        private long _next = 5000;

        private static long ServerNow => DateTimeOffset.UtcNow.ToUnixTimeSeconds() + ServerSkew;

        public (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request)
        {
            var path = request.PathAndQuery;
            if (request.Method == "GET" && path == "/1.0/auth/time") return (200, ServerNow.ToString(CultureInfo.InvariantCulture), null);
            if (path == "/auth/oauth2/token")
            {
                var form = System.Web.HttpUtility.ParseQueryString(request.Body);
                return request.Method == "POST" && form["grant_type"] == "client_credentials" && form["scope"] == "all"
                    && form["client_id"] == "ovh-client" && form["client_secret"] == "ovh-client-secret"
                    ? (200, $"{{\"access_token\":\"{AccessToken}\",\"token_type\":\"Bearer\",\"expires_in\":3600}}", null)
                    : (401, "{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed\"}", null);
            }
            if (!Authenticated(request, out var why)) return Error(403, "INVALID_CREDENTIAL", why);
            if (Interlocked.Exchange(ref RateLimitOnce, 0) == 1)
                return (429, "{\"errorCode\":\"QUERY_TIME_OUT\",\"httpCode\":\"429 Too Many Requests\",\"message\":\"Too many requests\"}", new Dictionary<string, string> { ["Retry-After"] = "1" });
            if (request.Method == "GET" && path == "/1.0/domain/zone") return (200, "[\"other.net\",\"example.org\"]", null);
            const string zone = "/1.0/domain/zone/example.org/";
            if (!path.StartsWith(zone, StringComparison.Ordinal)) return Error(404, "NOT_FOUND", "This service does not exist");
            var rest = path[zone.Length..];
            if (request.Method == "POST" && rest == "record")
            {
                using var body = JsonDocument.Parse(request.Body);
                var root = body.RootElement;
                var subDomain = root.GetProperty("subDomain").GetString()!;
                if (root.GetProperty("fieldType").GetString() != "TXT" || subDomain.EndsWith("example.org", StringComparison.Ordinal) || root.GetProperty("ttl").GetInt32() < 60)
                    return Error(400, "INVALID_ARGUMENT", "Invalid record");
                var id = ++_next;
                Records[id] = ("example.org", subDomain, root.GetProperty("target").GetString()!);
                return (200, $"{{\"id\":{id},\"zone\":\"example.org\",\"fieldType\":\"TXT\",\"subDomain\":\"{subDomain}\"}}", null);
            }
            if (request.Method == "DELETE" && rest.StartsWith("record/", StringComparison.Ordinal))
                return Records.Remove(long.Parse(rest["record/".Length..])) ? (200, "null", null) : Error(404, "NOT_FOUND", "This service does not exist");
            if (request.Method == "POST" && rest == "refresh")
            {
                if (request.Body.Length != 0) return Error(400, "INVALID_ARGUMENT", "no body expected");
                Refreshes++;
                return (200, "null", null);
            }
            return Error(404, "NOT_FOUND", "This service does not exist");
        }

        private bool Authenticated(RecordedRequest request, out string why)
        {
            why = $"This credential does not exist ({request.Header("X-Ovh-Consumer")}{request.Header("Authorization")})";
            if (request.Header("Authorization") is { } authorization) return authorization == "Bearer " + AccessToken;
            if (request.Header("X-Ovh-Application") != ApplicationKey || request.Header("X-Ovh-Consumer") != ConsumerKey) return false;
            var timestamp = request.Header("X-Ovh-Timestamp")!;
            if (Math.Abs(long.Parse(timestamp, CultureInfo.InvariantCulture) - ServerNow) > 30)
            {
                why = "Invalid timestamp";
                return false;
            }
            var text = string.Join('+', ApplicationSecret, ConsumerKey, request.Method, baseUrl.TrimEnd('/') + request.PathAndQuery, request.Body, timestamp);
            if (request.Header("X-Ovh-Signature") == "$1$" + Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)))) return true;
            why = "Invalid signature";
            return false;
        }

        private static (int, string, IReadOnlyDictionary<string, string>?) Error(int status, string code, string message) =>
            (status, $"{{\"errorCode\":\"{code}\",\"httpCode\":\"{status}\",\"message\":\"{message}\"}}", null);
    }

    private FakeOvh? _api;

    protected override string ProviderName => "ovh";

    protected override string RecordIdPath => "id";

    protected override bool IsCreate(RecordedRequest request) => request.Method == "POST" && request.PathAndQuery.EndsWith("/record", StringComparison.Ordinal);

    protected override string WrongSecret => "WrongApplicationSecretValue";

    protected override string WrongCredentialsMessage => "INVALID_CREDENTIAL: Invalid signature";

    // The fake checks signatures over the full URL, so it is made once the server listens.
    protected override void Started(FakeHttpServer server) => _api = new FakeOvh(server.BaseUrl.AbsoluteUri);

    protected override (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request) => _api!.Handle(request);

    protected override IReadOnlyCollection<FakeRecord> Records => [.. _api!.Records.Values.Select(r => new FakeRecord(r.Zone, r.SubDomain, r.Target))];

    protected override void RateLimitOnce() => _api!.RateLimitOnce = 1;

    protected override IDnsProvider Provider(FakeHttpServer server, HttpClient http, string? wrongSecret = null) =>
        new OvhDnsProvider(new ProviderCredentials(new Dictionary<string, string>
        {
            ["OVH_ENDPOINT"] = new Uri(server.BaseUrl, "/1.0").AbsoluteUri,
            ["OVH_APPLICATION_KEY"] = ApplicationKey, ["OVH_APPLICATION_SECRET"] = wrongSecret ?? ApplicationSecret, ["OVH_CONSUMER_KEY"] = ConsumerKey,
        }), http);

    // Signed requests: the zone is refreshed after the create and after the delete.
    protected override void AssertAfterRoundTrip(IReadOnlyList<RecordedRequest> requests) => Assert.Equal(2, _api!.Refreshes);

    // Signed requests start with the unsigned server time, which is not rate limited here.
    protected override void AssertRepeated(IReadOnlyList<RecordedRequest> requests)
    {
        Assert.Equal("/1.0/auth/time", requests[0].PathAndQuery);
        Assert.Equal(requests[1].PathAndQuery, requests[2].PathAndQuery);
    }

    protected override void AssertWrongCredentialsError(DnsProviderException error) => Assert.DoesNotContain(ConsumerKey, error.ToString());

    [Fact]
    public async Task An_access_token_is_sent_as_bearer_and_a_rate_limit_answer_is_waited_out()
    {
        using var server = Start();
        RateLimitOnce();
        using var http = new HttpClient();
        var provider = new OvhDnsProvider(new ProviderCredentials(new Dictionary<string, string>
        {
            ["OVH_ENDPOINT"] = new Uri(server.BaseUrl, "/1.0").AbsoluteUri, ["OVH_ACCESS_TOKEN"] = AccessToken,
        }), http);

        await provider.PresentAsync(Challenge(), default);

        Assert.Single(Records);
        Assert.DoesNotContain(server.Requests, r => r.PathAndQuery == "/1.0/auth/time");
        Assert.Equal(server.Requests[0].PathAndQuery, server.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task Oauth2_client_credentials_get_a_bearer_token_first()
    {
        using var server = Start();
        using var http = new HttpClient();
        var provider = new OvhDnsProvider(new ProviderCredentials(new Dictionary<string, string>
        {
            ["OVH_ENDPOINT"] = new Uri(server.BaseUrl, "/1.0").AbsoluteUri, ["OVH_CLIENT_ID"] = "ovh-client", ["OVH_CLIENT_SECRET"] = "ovh-client-secret",
            ["OVH_OAUTH2_TOKEN_URL"] = new Uri(server.BaseUrl, "/auth/oauth2/token").AbsoluteUri,
        }), http);
        var challenge = Challenge();

        await provider.PresentAsync(challenge, default);
        await provider.CleanupAsync(challenge, default);

        Assert.Empty(Records);
        Assert.Equal(2, _api!.Refreshes);
        Assert.Single(server.Requests, r => r.PathAndQuery == "/auth/oauth2/token");
    }

    [Fact]
    public void An_unknown_endpoint_name_is_refused()
    {
        var error = Assert.Throws<DnsProviderException>(() => new OvhDnsProvider(new ProviderCredentials(new Dictionary<string, string>
        {
            ["OVH_ENDPOINT"] = "ovh-mars", ["OVH_ACCESS_TOKEN"] = AccessToken,
        }), new HttpClient()));

        Assert.Contains("'ovh-mars' is neither an endpoint name", error.Message);
    }
}
