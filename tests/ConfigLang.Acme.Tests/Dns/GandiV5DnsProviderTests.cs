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
public sealed class GandiV5DnsProviderTests
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

    [Fact]
    public async Task The_rrset_is_created_in_the_zone_found_by_name_and_deleted_with_the_last_value()
    {
        var api = new FakeGandi();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();
        var provider = Provider(server, http, ("GANDIV5_PERSONAL_ACCESS_TOKEN", Pat));
        var challenge = Challenge("www.example.org");

        await provider.PresentAsync(challenge, default);
        var (name, values) = Assert.Single(api.RrSets);
        Assert.Equal(("_acme-challenge.www", "\"" + challenge.DnsTxtValue + "\""), (name, Assert.Single(values)));
        await provider.CleanupAsync(challenge, default);

        Assert.Empty(api.RrSets);
        Assert.Equal(["/v5/livedns/domains/www.example.org", "/v5/livedns/domains/example.org"],
            server.Requests.Where(r => r.Method == "GET").Take(2).Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task A_wildcard_and_its_base_name_share_the_rrset_and_cleanup_keeps_the_other_value()
    {
        var api = new FakeGandi();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();
        var provider = Provider(server, http, ("GANDIV5_API_KEY", ApiKey));
        var apex = Challenge("example.org");
        var wildcard = Wildcard("example.org");

        await provider.PresentAsync(apex, default);
        await provider.PresentAsync(wildcard, default);
        Assert.Equal(2, api.RrSets["_acme-challenge"].Count);
        await provider.CleanupAsync(wildcard, default);

        Assert.Equal(["\"" + apex.DnsTxtValue + "\""], api.RrSets["_acme-challenge"]);
    }

    [Fact]
    public async Task A_rate_limit_answer_is_waited_out_and_the_request_repeated()
    {
        var api = new FakeGandi { RateLimitOnce = 1 };
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();

        await Provider(server, http, ("GANDIV5_PERSONAL_ACCESS_TOKEN", Pat)).PresentAsync(Challenge(), default);

        Assert.Single(api.RrSets);
        Assert.Equal(server.Requests[0].PathAndQuery, server.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task Wrong_credentials_give_the_api_message_named_after_the_provider_without_the_token()
    {
        var api = new FakeGandi();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();
        const string wrong = "pat_wrong_secret_value";

        var error = await Assert.ThrowsAsync<DnsProviderException>(() =>
            Provider(server, http, ("GANDIV5_PERSONAL_ACCESS_TOKEN", wrong)).PresentAsync(Challenge(), default));

        Assert.StartsWith("gandiv5: ", error.Message);
        Assert.Contains("HTTP 401: Unauthorized: The server could not verify", error.Message);
        Assert.DoesNotContain(wrong, error.ToString());
    }

    [Fact]
    public void Without_a_token_or_key_the_error_names_both()
    {
        var error = Assert.Throws<DnsProviderException>(() => new GandiV5DnsProvider(ProviderCredentials.Empty, new HttpClient()));

        Assert.Contains("GANDIV5_PERSONAL_ACCESS_TOKEN, or GANDIV5_API_KEY", error.Message);
    }
}
