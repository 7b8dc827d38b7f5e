using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Crypto;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The gcloud provider against a local stand-in for Google's token endpoint and Cloud DNS v1 that
/// enforces their documented shapes: a form POST with the JWT bearer grant whose RS256 signature is
/// verified with the service account's public key (iss, scope, aud, an hour's lifetime), then Bearer
/// calls: <c>GET .../managedZones?dnsName=</c> (paged by pageToken), <c>GET .../rrsets?name=&amp;type=TXT</c>,
/// <c>POST .../changes</c> whose deletions must match the current rrset exactly (else 412),
/// errors <c>{"error":{"code","message","status"}}</c> and <c>{"error","error_description"}</c>.
/// </summary>
public sealed class GoogleCloudDnsProviderTests : DnsProviderConformanceTests, IDisposable
{
    private const string Email = "acme@my-project.iam.gserviceaccount.com";
    private const string AccessToken = "ya29.test-access-token";
    private readonly RSA _key = RSA.Create(2048);
    private readonly Lazy<string> _otherKey = new(() =>
    {
        using var other = RSA.Create(2048);
        return other.ExportPkcs8PrivateKeyPem();
    });
    private FakeGoogle? _api;

    public void Dispose() => _key.Dispose();

    private sealed class FakeGoogle(RSA key, string tokenUri)
    {
        public readonly Dictionary<string, List<string>> RrSets = [];
        public int TokenRequests;
        public int RateLimitOnce;

        public (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request)
        {
            var path = request.PathAndQuery;
            if (path == "/token") return Token(request);
            if (request.Header("Authorization") != "Bearer " + AccessToken)
                return Error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.");
            if (Interlocked.Exchange(ref RateLimitOnce, 0) == 1)
                return (429, "{\"error\":{\"code\":429,\"message\":\"Quota exceeded\",\"status\":\"RESOURCE_EXHAUSTED\"}}", new Dictionary<string, string> { ["Retry-After"] = "1" });
            const string project = "/dns/v1/projects/my-project/";
            if (!path.StartsWith(project, StringComparison.Ordinal)) return Error(404, "NOT_FOUND", "unknown project");
            var rest = path[project.Length..];
            var query = System.Web.HttpUtility.ParseQueryString(rest.Contains('?') ? rest[rest.IndexOf('?')..] : "");
            if (request.Method == "GET" && rest.StartsWith("managedZones?", StringComparison.Ordinal))
            {
                // example.org. has a private zone on the first page and the public one on the next.
                return (query["dnsName"], query["pageToken"]) switch
                {
                    ("example.org.", null) => (200, "{\"managedZones\":[{\"name\":\"example-private\",\"dnsName\":\"example.org.\",\"visibility\":\"private\"}],\"nextPageToken\":\"p2\"}", null),
                    ("example.org.", "p2") => (200, "{\"managedZones\":[{\"name\":\"example-public\",\"dnsName\":\"example.org.\",\"visibility\":\"public\"}]}", null),
                    _ => (200, "{\"managedZones\":[]}", null),
                };
            }
            if (request.Method == "GET" && rest.StartsWith("managedZones/example-public/rrsets?", StringComparison.Ordinal))
            {
                if (query["type"] != "TXT" || !query["name"]!.EndsWith('.')) return Error(400, "INVALID_ARGUMENT", "name must be absolute");
                var name = query["name"]!;
                return (200, RrSets.TryGetValue(name, out var values) ? $"{{\"rrsets\":[{Rrset(name, values)}]}}" : "{\"rrsets\":[]}", null);
            }
            if (request.Method == "POST" && rest == "managedZones/example-public/changes")
            {
                using var body = JsonDocument.Parse(request.Body);
                var root = body.RootElement;
                if (root.TryGetProperty("deletions", out var deletions))
                {
                    foreach (var deletion in deletions.EnumerateArray())
                    {
                        var name = deletion.GetProperty("name").GetString()!;
                        var values = deletion.GetProperty("rrdatas").EnumerateArray().Select(v => v.GetString()!).ToList();
                        if (!RrSets.TryGetValue(name, out var existing) || !existing.SequenceEqual(values) || deletion.GetProperty("ttl").GetInt32() != 120)
                            return Error(412, "FAILED_PRECONDITION", "The resource record set to delete does not match");
                        RrSets.Remove(name);
                    }
                }
                if (root.TryGetProperty("additions", out var additions))
                {
                    foreach (var addition in additions.EnumerateArray())
                    {
                        var name = addition.GetProperty("name").GetString()!;
                        if (RrSets.ContainsKey(name)) return Error(409, "ALREADY_EXISTS", "The resource record set already exists");
                        var values = addition.GetProperty("rrdatas").EnumerateArray().Select(v => v.GetString()!).ToList();
                        if (addition.GetProperty("type").GetString() != "TXT" || values.Any(v => v[0] != '"')) return Error(400, "INVALID_ARGUMENT", "bad rrset");
                        RrSets[name] = values;
                    }
                }
                return (200, "{\"kind\":\"dns#change\",\"id\":\"7\",\"status\":\"pending\"}", null);
            }
            return Error(404, "NOT_FOUND", "unknown route " + rest);
        }

        private (int, string, IReadOnlyDictionary<string, string>?) Token(RecordedRequest request)
        {
            Interlocked.Increment(ref TokenRequests);
            if (request.Method != "POST" || request.Header("Content-Type")?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) != true)
                return (400, "{\"error\":\"invalid_request\",\"error_description\":\"form POST expected\"}", null);
            var form = System.Web.HttpUtility.ParseQueryString(request.Body);
            if (form["grant_type"] != "urn:ietf:params:oauth:grant-type:jwt-bearer") return (400, "{\"error\":\"unsupported_grant_type\",\"error_description\":\"grant\"}", null);
            var parts = form["assertion"]!.Split('.');
            var header = JsonDocument.Parse(Base64Url.Decode(parts[0])).RootElement;
            var claims = JsonDocument.Parse(Base64Url.Decode(parts[1])).RootElement;
            var signed = key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.Decode(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            if (!signed || header.GetProperty("alg").GetString() != "RS256")
                return (400, $"{{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature. ({form["assertion"]})\"}}", null);
            if (claims.GetProperty("iss").GetString() != Email || claims.GetProperty("aud").GetString() != tokenUri
                || claims.GetProperty("scope").GetString() != GoogleCloudDnsProvider.Scope
                || claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64() != 3600)
                return (400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT claims\"}", null);
            return (200, $"{{\"access_token\":\"{AccessToken}\",\"expires_in\":3599,\"token_type\":\"Bearer\"}}", null);
        }

        private static string Rrset(string name, List<string> values) =>
            $"{{\"name\":\"{name}\",\"type\":\"TXT\",\"ttl\":120,\"rrdatas\":{JsonSerializer.Serialize(values)}}}";

        private static (int, string, IReadOnlyDictionary<string, string>?) Error(int status, string code, string message) =>
            (status, $"{{\"error\":{{\"code\":{status},\"message\":\"{message}\",\"status\":\"{code}\"}}}}", null);
    }

    protected override string ProviderName => "gcloud";

    // A key the server does not know: its token request is refused.
    protected override string WrongSecret => _otherKey.Value;

    protected override string WrongCredentialsMessage => "invalid_grant: Invalid JWT Signature.";

    // The fake checks the JWT's audience, the token URL on the server, so it is made once the server listens.
    protected override void Started(FakeHttpServer server) => _api = new FakeGoogle(_key, new Uri(server.BaseUrl, "/token").AbsoluteUri);

    protected override (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request) => _api!.Handle(request);

    protected override IReadOnlyCollection<FakeRecord> Records => RecordsOf(Zone, _api!.RrSets);

    protected override void RateLimitOnce() => _api!.RateLimitOnce = 1;

    protected override IDnsProvider Provider(FakeHttpServer server, HttpClient http, string? wrongSecret = null)
    {
        var account = JsonBody(("type", "service_account"), ("project_id", "my-project"), ("client_email", Email),
            ("private_key", wrongSecret ?? _key.ExportPkcs8PrivateKeyPem()), ("token_uri", new Uri(server.BaseUrl, "/token").AbsoluteUri));
        return new GoogleCloudDnsProvider(new ProviderCredentials(new Dictionary<string, string>
        {
            ["GCE_SERVICE_ACCOUNT"] = account, ["GCE_BASE_URL"] = new Uri(server.BaseUrl, "/dns/v1").AbsoluteUri,
        }), http);
    }

    // Cloud DNS names rrsets in full, with the root's dot, and keeps TXT values quoted.
    protected override string RecordName(string relative) => relative + ".example.org.";

    protected override string StoredValue(string value) => "\"" + value + "\"";

    // The token was fetched once and kept.
    protected override void AssertAfterRoundTrip(IReadOnlyList<RecordedRequest> requests) => Assert.Equal(1, _api!.TokenRequests);

    // The token comes first and is not rate limited.
    protected override void AssertRepeated(IReadOnlyList<RecordedRequest> requests) => Assert.Equal(requests[1].PathAndQuery, requests[2].PathAndQuery);

    // The token is asked for with a POST.
    protected override bool IsWrite(RecordedRequest request) => request.Method != "GET" && request.PathAndQuery != "/token";

    // Not a line of the key's body either.
    protected override void AssertWrongCredentialsError(DnsProviderException error) => Assert.DoesNotContain(WrongSecret.Split('\n')[1], error.ToString());

    private static string JsonBody(params (string Name, string Value)[] members) =>
        JsonSerializer.Serialize(members.ToDictionary(m => m.Name, m => m.Value));

    [Fact]
    public void A_service_account_that_is_not_json_is_refused_without_quoting_it()
    {
        var error = Assert.Throws<DnsProviderException>(() => new GoogleCloudDnsProvider(new ProviderCredentials(new Dictionary<string, string>
        {
            ["GCE_SERVICE_ACCOUNT"] = "-----BEGIN PRIVATE KEY----- secret-material",
        }), new HttpClient()));

        Assert.Contains("not a JSON service account key", error.Message);
        Assert.DoesNotContain("secret-material", error.Message);
    }
}
