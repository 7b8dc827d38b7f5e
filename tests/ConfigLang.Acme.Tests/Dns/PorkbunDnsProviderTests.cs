using System.Text.Json;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The porkbun provider against a local stand-in for Porkbun's JSON API v3 that enforces its
/// documented shapes: every call a JSON POST carrying apikey and secretapikey,
/// <c>/domain/listAll</c> answering 1000 domains a call from <c>start</c>,
/// <c>/dns/create/{domain}</c> with name/type/content/ttl answering the record id,
/// <c>/dns/delete/{domain}/{id}</c>, errors <c>{"status":"ERROR","message":...}</c>, a 429 once.
/// </summary>
public sealed class PorkbunDnsProviderTests : RecordIdConformanceTests
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

    private readonly FakePorkbun _api = new();

    protected override string ProviderName => "porkbun";

    protected override string RecordIdPath => "id";

    protected override bool IsCreate(RecordedRequest request) => request.PathAndQuery.Contains("/dns/create/", StringComparison.Ordinal);

    protected override string WrongSecret => "sk1_wrong_secret_value";

    protected override string WrongCredentialsMessage => "Invalid API key. (002)";

    protected override (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request) => _api.Handle(request);

    protected override IReadOnlyCollection<FakeRecord> Records => [.. _api.Records.Values.Select(r => new FakeRecord(r.Domain, r.Name, r.Content))];

    protected override void RateLimitOnce() => _api.RateLimitOnce = 1;

    protected override IDnsProvider Provider(FakeHttpServer server, HttpClient http, string? wrongSecret = null) =>
        new PorkbunDnsProvider(new ProviderCredentials(new Dictionary<string, string>
        {
            ["PORKBUN_API_KEY"] = ApiKey, ["PORKBUN_SECRET_API_KEY"] = wrongSecret ?? SecretKey, ["PORKBUN_BASE_URL"] = new Uri(server.BaseUrl, "/api/json/v3").AbsoluteUri,
        }), http);

    // The zone is on the second page of listAll.
    protected override void AssertAfterRoundTrip(IReadOnlyList<RecordedRequest> requests) =>
        Assert.Equal(["0", "1000"], requests.Where(r => r.PathAndQuery.EndsWith("listAll", StringComparison.Ordinal))
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("start").GetString()));

    // Every call is a POST; the repeated one carries the same body.
    protected override void AssertRepeated(IReadOnlyList<RecordedRequest> requests) => Assert.Equal(requests[0].Body, requests[1].Body);

    // Every call is a POST; only the dns/create and dns/delete calls change records.
    protected override bool IsWrite(RecordedRequest request) => request.PathAndQuery.StartsWith("/api/json/v3/dns/", StringComparison.Ordinal);
}
