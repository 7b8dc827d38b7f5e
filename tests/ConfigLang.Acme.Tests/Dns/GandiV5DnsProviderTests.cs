using System.Text.Json;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The gandiv5 provider against a local stand-in for Gandi's LiveDNS API v5 that enforces its
/// documented shapes: <c>Authorization: Bearer PAT</c> or <c>Apikey KEY</c>,
/// <c>GET /v5/livedns/domains/{domain}</c> (404 for another's), RRsets at
/// <c>/domains/{zone}/records/{name}/TXT</c>: GET (404 when absent), POST to create (409 when it
/// exists), PUT to replace, DELETE; rrset_ttl at least 300, errors
/// <c>{"code","message","object","cause"}</c>, a 429 with Retry-After.
/// </summary>
public sealed class GandiV5DnsProviderTests : DnsProviderConformanceTests
{
    private const string Pat = "pat_0123456789abcdef";
    private const string ApiKey = "gandi-legacy-key-42";

    private sealed class FakeGandi
    {
        public readonly Dictionary<string, List<string>> RrSets = [];
        public int RateLimitOnce;

        public (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request)
        {
            if (request.Header("Authorization") is not ("Bearer " + Pat or "Apikey " + ApiKey))
                return Error(401, "Unauthorized", $"The server could not verify that you authorized to access the document you requested. ({request.Header("Authorization")})");
            if (Interlocked.Exchange(ref RateLimitOnce, 0) == 1)
                return (429, "{\"code\":429,\"message\":\"Too many requests\",\"object\":\"HTTPTooManyRequests\",\"cause\":\"Too Many Requests\"}", new Dictionary<string, string> { ["Retry-After"] = "1" });
            var path = request.PathAndQuery;
            const string domains = "/v5/livedns/domains/";
            if (!path.StartsWith(domains, StringComparison.Ordinal)) return Error(404, "Not Found", "unknown route");
            var parts = path[domains.Length..].Split('/');
            if (parts.Length == 1 && request.Method == "GET")
                return parts[0] == "example.org" ? (200, "{\"fqdn\":\"example.org\",\"automatic_snapshots\":true}", null) : Error(404, "Not Found", "The resource could not be found.");
            if (parts.Length != 4 || parts[0] != "example.org" || parts[1] != "records" || parts[3] != "TXT") return Error(404, "Not Found", "unknown route");
            var name = Uri.UnescapeDataString(parts[2]);
            if (name.EndsWith("example.org", StringComparison.Ordinal)) return Error(400, "Bad Request", "name must be relative");
            switch (request.Method)
            {
                case "GET":
                    return RrSets.TryGetValue(name, out var values)
                        ? (200, $"{{\"rrset_name\":\"{name}\",\"rrset_type\":\"TXT\",\"rrset_ttl\":300,\"rrset_values\":{JsonSerializer.Serialize(values)}}}", null)
                        : Error(404, "Not Found", "The resource could not be found.");
                case "POST" or "PUT":
                    if (request.Method == "POST" && RrSets.ContainsKey(name)) return Error(409, "Conflict", "A record with that name / type pair already exists");
                    if (request.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) != true) return Error(415, "Unsupported Media Type", "json");
                    using (var body = JsonDocument.Parse(request.Body))
                    {
                        if (body.RootElement.GetProperty("rrset_ttl").GetInt32() < 300) return Error(400, "Bad Request", "rrset_ttl must be at least 300");
                        RrSets[name] = [.. body.RootElement.GetProperty("rrset_values").EnumerateArray().Select(v => v.GetString()!)];
                    }
                    return (201, "{\"message\":\"DNS Record Created\"}", null);
                case "DELETE":
                    return RrSets.Remove(name) ? (204, "", null) : Error(404, "Not Found", "The resource could not be found.");
            }
            return Error(405, "Method Not Allowed", request.Method);
        }

        private static (int, string, IReadOnlyDictionary<string, string>?) Error(int status, string cause, string message) =>
            (status, $"{{\"code\":{status},\"message\":\"{message}\",\"object\":\"HTTPError\",\"cause\":\"{cause}\"}}", null);
    }

    private static GandiV5DnsProvider Provider(FakeHttpServer server, HttpClient http, params (string, string)[] credentials)
    {
        var values = credentials.ToDictionary(c => c.Item1, c => c.Item2);
        values["GANDIV5_BASE_URL"] = new Uri(server.BaseUrl, "/v5/livedns").AbsoluteUri;
        return new(new ProviderCredentials(values), http);
    }

    private readonly FakeGandi _api = new();

    protected override string ProviderName => "gandiv5";

    protected override string WrongSecret => "pat_wrong_secret_value";

    protected override string WrongCredentialsMessage => "HTTP 401: Unauthorized: The server could not verify";

    protected override (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request) => _api.Handle(request);

    protected override IReadOnlyCollection<FakeRecord> Records => RecordsOf("example.org", _api.RrSets);

    protected override void RateLimitOnce() => _api.RateLimitOnce = 1;

    protected override IDnsProvider Provider(FakeHttpServer server, HttpClient http, string? wrongSecret = null) =>
        Provider(server, http, ("GANDIV5_PERSONAL_ACCESS_TOKEN", wrongSecret ?? Pat));

    // Gandi keeps TXT values quoted.
    protected override string StoredValue(string value) => "\"" + value + "\"";

    // The zone lookup walked up from the record's parent.
    protected override void AssertAfterRoundTrip(IReadOnlyList<RecordedRequest> requests) =>
        Assert.Equal(["/v5/livedns/domains/www.example.org", "/v5/livedns/domains/example.org"],
            requests.Where(r => r.Method == "GET").Take(2).Select(r => r.PathAndQuery));

    [Fact]
    public async Task The_deprecated_api_key_is_sent_as_Apikey()
    {
        using var server = new FakeHttpServer(_api.Handle);
        using var http = new HttpClient();

        await Provider(server, http, ("GANDIV5_API_KEY", ApiKey)).PresentAsync(Challenge(), default);

        Assert.Single(_api.RrSets);
    }

    [Fact]
    public void Without_a_token_or_key_the_error_names_both()
    {
        var error = Assert.Throws<DnsProviderException>(() => new GandiV5DnsProvider(ProviderCredentials.Empty, new HttpClient()));

        Assert.Contains("GANDIV5_PERSONAL_ACCESS_TOKEN, or GANDIV5_API_KEY", error.Message);
    }
}
