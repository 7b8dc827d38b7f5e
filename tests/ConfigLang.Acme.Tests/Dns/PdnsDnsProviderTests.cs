using System.Text.Json;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The pdns provider against a local stand-in for the PowerDNS Authoritative HTTP API that
/// enforces its documented shapes: <c>X-API-Key</c>, <c>GET /api</c> listing versions, zones at
/// <c>/api/v1/servers/{server}/zones/{name.}</c> (404 with <c>{"error"}</c> when unknown), and
/// <c>PATCH</c> of whole RRsets (<c>changetype</c> REPLACE with quoted TXT contents, or DELETE).
/// The real server end to end: <c>PdnsEndToEndTests</c> in the CLI tests.
/// </summary>
public sealed class PdnsDnsProviderTests : DnsProviderConformanceTests
{
    private const string Key = "pdns-key-s3cr3t-0123";

    private sealed class FakePowerDns
    {
        // Zone name (with dot) -> kind and TXT RRsets by owner name.
        public readonly Dictionary<string, (string Kind, Dictionary<string, List<string>> Txt)> Zones = new()
        {
            ["example.org."] = ("Native", []),
        };

        public bool HasApiListing { get; init; } = true;

        public string Prefix => HasApiListing ? "/api/v1" : "";

        public (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request)
        {
            // The web server itself refuses a wrong key, in plain text.
            if (request.Header("X-API-Key") != Key) return (401, "Unauthorized", null);
            var path = request.PathAndQuery.Split('?')[0];
            if (request.Method == "GET" && path == "/api")
                return HasApiListing ? (200, "[{\"url\":\"/api/v1\",\"version\":1}]", null) : (404, "{\"error\":\"Not Found\"}", null);
            var zonesPrefix = Prefix + "/servers/localhost/zones/";
            if (!path.StartsWith(zonesPrefix, StringComparison.Ordinal)) return (404, "{\"error\":\"Not Found\"}", null);
            var rest = Uri.UnescapeDataString(path[zonesPrefix.Length..]);
            var notify = rest.EndsWith("/notify", StringComparison.Ordinal);
            var zoneName = notify ? rest[..^"/notify".Length] : rest;
            if (!Zones.TryGetValue(zoneName, out var zone)) return (404, "{\"error\":\"Could not find domain '" + zoneName + "'\"}", null);
            if (request.Method == "PUT" && notify)
                return zone.Kind == "Native" ? (422, "{\"error\":\"Domain is not primary or secondary\"}", null) : (200, "{\"result\":\"Notification queued\"}", null);
            if (request.Method == "GET")
            {
                var rrsets = string.Join(",", zone.Txt.Select(p =>
                    $"{{\"name\":\"{p.Key}\",\"type\":\"TXT\",\"ttl\":120,\"records\":[{string.Join(",", p.Value.Select(v => "\"" + JsonEncodedText.Encode(v) + "\"").Select(c => $"{{\"content\":{c},\"disabled\":false}}"))}],\"comments\":[]}}"));
                return (200, $"{{\"id\":\"{zoneName}\",\"name\":\"{zoneName}\",\"kind\":\"{zone.Kind}\",\"rrsets\":[{rrsets}]}}", null);
            }
            if (request.Method == "PATCH")
            {
                if (request.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) != true) return (415, "{\"error\":\"content type\"}", null);
                using var body = JsonDocument.Parse(request.Body);
                foreach (var rrset in body.RootElement.GetProperty("rrsets").EnumerateArray())
                {
                    var name = rrset.GetProperty("name").GetString()!;
                    if (!name.EndsWith("." + zoneName, StringComparison.Ordinal)) return (422, $"{{\"error\":\"RRset {name} IN TXT: Name is out of zone\"}}", null);
                    if (rrset.GetProperty("type").GetString() != "TXT") return (422, "{\"error\":\"unexpected type\"}", null);
                    switch (rrset.GetProperty("changetype").GetString())
                    {
                        case "DELETE":
                            zone.Txt.Remove(name);
                            break;
                        case "REPLACE":
                            if (rrset.GetProperty("ttl").GetInt32() <= 0) return (422, "{\"error\":\"ttl\"}", null);
                            var contents = rrset.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("content").GetString()!).ToList();
                            if (contents.Count == 0 || contents.Any(c => c.Length < 2 || c[0] != '"' || c[^1] != '"'))
                                return (422, "{\"error\":\"Parsing record content: TXT data must be quoted\"}", null);
                            zone.Txt[name] = contents;
                            break;
                        default:
                            return (422, "{\"error\":\"Changetype not understood\"}", null);
                    }
                }
                return (204, "", null);
            }
            return (405, "{\"error\":\"Method not allowed\"}", null);
        }
    }

    private readonly FakePowerDns _api = new();

    protected override string ProviderName => "pdns";

    protected override string WrongSecret => "wrong-key-9876543210";

    protected override string WrongCredentialsMessage => "HTTP 401: Unauthorized (check PDNS_API_KEY)";

    private const string NoRateLimit =
        "the PowerDNS web server has no rate limit and answers no 429 (lego's pdns retries none either)";

    [Fact(Skip = NoRateLimit)]
    public override Task A_rate_limit_answer_is_waited_out_and_the_request_repeated() => Task.CompletedTask;

    protected override (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request) => _api.Handle(request);

    protected override IReadOnlyCollection<FakeRecord> Records => RecordsOf("example.org", _api.Zones["example.org."].Txt);

    protected override void RateLimitOnce() => throw new NotSupportedException(NoRateLimit);

    protected override IDnsProvider Provider(FakeHttpServer server, HttpClient http, string? wrongSecret = null) => PdnsProvider(server, http, wrongSecret ?? Key);

    // PowerDNS keeps names absolute, with the final dot, and TXT contents quoted.
    protected override string RecordName(string relative) => relative + ".example.org.";

    protected override string StoredValue(string value) => "\"" + value + "\"";

    private static PdnsDnsProvider PdnsProvider(FakeHttpServer server, HttpClient http, string key = Key, params (string, string)[] more)
    {
        var values = new Dictionary<string, string> { ["PDNS_API_URL"] = server.BaseUrl.AbsoluteUri, ["PDNS_API_KEY"] = key };
        foreach (var (name, value) in more) values[name] = value;
        return new PdnsDnsProvider(new ProviderCredentials(values), http);
    }

    [Fact]
    public async Task The_record_goes_into_the_zone_found_by_walking_up_and_is_deleted_again()
    {
        var pdns = new FakePowerDns();
        using var server = new FakeHttpServer(pdns.Handle);
        using var http = new HttpClient();
        var provider = PdnsProvider(server, http);
        var challenge = Challenge("deep.www.example.org");

        await provider.PresentAsync(challenge, default);
        var rrset = Assert.Single(pdns.Zones["example.org."].Txt);
        await provider.CleanupAsync(challenge, default);

        Assert.Equal("_acme-challenge.deep.www.example.org.", rrset.Key);
        Assert.Equal(["\"" + challenge.DnsTxtValue + "\""], rrset.Value);
        Assert.Empty(pdns.Zones["example.org."].Txt);
        Assert.Equal(["/api", "/api/v1/servers/localhost/zones/deep.www.example.org.", "/api/v1/servers/localhost/zones/www.example.org.", "/api/v1/servers/localhost/zones/example.org."],
            server.Requests.Take(4).Select(r => r.PathAndQuery.Split('?')[0]));
        var patches = server.Requests.Where(r => r.Method == "PATCH").Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("rrsets")[0]).ToList();
        Assert.Equal(["REPLACE", "DELETE"], patches.Select(p => p.GetProperty("changetype").GetString()));
        Assert.Equal(120, patches[0].GetProperty("ttl").GetInt32());
    }

    [Fact]
    public async Task A_wildcard_and_its_base_share_the_RRset_and_values_of_others_are_kept()
    {
        var pdns = new FakePowerDns();
        pdns.Zones["example.org."].Txt["_acme-challenge.example.org."] = ["\"someone-elses\""];
        using var server = new FakeHttpServer(pdns.Handle);
        using var http = new HttpClient();
        var provider = PdnsProvider(server, http);
        var apex = Challenge("example.org");
        var wildcard = Wildcard("example.org");

        // Presented at once, as the orderer does for one certificate's authorizations.
        await Task.WhenAll(provider.PresentAsync(apex, default), provider.PresentAsync(wildcard, default));
        var values = pdns.Zones["example.org."].Txt["_acme-challenge.example.org."];
        Assert.Equal(new[] { "\"someone-elses\"", "\"" + apex.DnsTxtValue + "\"", "\"" + wildcard.DnsTxtValue + "\"" }.Order(StringComparer.Ordinal), values.Order(StringComparer.Ordinal));

        await provider.CleanupAsync(wildcard, default);
        Assert.Equal(new[] { "\"someone-elses\"", "\"" + apex.DnsTxtValue + "\"" }.Order(StringComparer.Ordinal), pdns.Zones["example.org."].Txt["_acme-challenge.example.org."].Order(StringComparer.Ordinal));
        await provider.CleanupAsync(apex, default);
        Assert.Equal(["\"someone-elses\""], pdns.Zones["example.org."].Txt["_acme-challenge.example.org."]);
        // Cleaning up again finds nothing of ours and changes nothing.
        var before = server.Requests.Count(r => r.Method == "PATCH");
        await provider.CleanupAsync(apex, default);
        Assert.Equal(before, server.Requests.Count(r => r.Method == "PATCH"));
    }

    [Fact]
    public async Task A_server_before_4_has_no_api_prefix_and_a_given_version_skips_the_detection()
    {
        var old = new FakePowerDns { HasApiListing = false };
        using (var server = new FakeHttpServer(old.Handle))
        using (var http = new HttpClient())
        {
            await PdnsProvider(server, http).PresentAsync(Challenge(), default);
            Assert.Single(old.Zones["example.org."].Txt);
            Assert.Contains(server.Requests, r => r.PathAndQuery.StartsWith("/servers/localhost/zones/example.org.", StringComparison.Ordinal));
        }

        var pinned = new FakePowerDns();
        using (var server = new FakeHttpServer(pinned.Handle))
        using (var http = new HttpClient())
        {
            await PdnsProvider(server, http, Key, ("PDNS_API_VERSION", "1")).PresentAsync(Challenge(), default);
            Assert.DoesNotContain(server.Requests, r => r.PathAndQuery == "/api");
            Assert.Single(pinned.Zones["example.org."].Txt);
        }
    }

    [Theory]
    [InlineData("[]", "answer lists no API version (answer: [])")]
    [InlineData("[{\"url\":\"/api/v1\"}]", "answer without [0].version (answer: [")]
    public async Task A_version_listing_without_a_version_is_an_error_and_is_asked_again(string listing, string expected)
    {
        var pdns = new FakePowerDns();
        var answered = 0;
        // Taken as the pre-4 API, the listing would send this and every later call to paths without /api/v1.
        using var server = new FakeHttpServer(request =>
            request.PathAndQuery == "/api" && answered++ == 0 ? (200, listing, null) : pdns.Handle(request));
        using var http = new HttpClient();
        var provider = PdnsProvider(server, http);

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => provider.PresentAsync(Challenge(), default));
        await provider.PresentAsync(Challenge(), default);

        Assert.StartsWith("pdns: detect the API version: " + expected, error.Message);
        Assert.Single(pdns.Zones["example.org."].Txt);
        Assert.Equal(2, server.Requests.Count(r => r.PathAndQuery == "/api"));
    }

    [Fact]
    public async Task A_primary_zone_is_notified_after_the_change_and_a_missing_zone_lists_the_names_tried()
    {
        var pdns = new FakePowerDns();
        pdns.Zones["example.org."] = ("Master", []);
        using var server = new FakeHttpServer(pdns.Handle);
        using var http = new HttpClient();
        var provider = PdnsProvider(server, http);

        await provider.PresentAsync(Challenge(), default);
        Assert.Equal(["GET", "GET", "GET", "PATCH", "PUT"], server.Requests.Select(r => r.Method));
        Assert.EndsWith("/zones/example.org./notify", server.Requests[^1].PathAndQuery);

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => provider.PresentAsync(Challenge("www.other.net"), default));
        Assert.Equal("pdns: no PowerDNS zone found for _acme-challenge.www.other.net on server localhost (tried www.other.net, other.net)", error.Message);
    }

    [Theory]
    [InlineData("content a number", "answer's rrsets[0].records[0].content is a number, not a string (answer: {")]
    [InlineData("no rrsets", "answer without rrsets (answer: {")]
    [InlineData("no records", "answer without rrsets[0].records (answer: {")]
    [InlineData("empty", "HTTP 200, empty answer")]
    public async Task A_zone_answer_in_another_shape_is_an_error_naming_the_path_and_nothing_is_replaced(string shape, string expected)
    {
        var pdns = new FakePowerDns();
        pdns.Zones["example.org."].Txt["_acme-challenge.www.example.org."] = ["\"wildcard-value\""];
        // Read as "no values" (or "no zone here"), the REPLACE would drop the wildcard's.
        using var server = new FakeHttpServer(request =>
        {
            var answer = pdns.Handle(request);
            return request.Method == "GET" && request.PathAndQuery.Contains("/zones/", StringComparison.Ordinal) && answer.Item1 == 200
                ? (200, Reshaped(answer.Item2, shape), null)
                : answer;
        });
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => PdnsProvider(server, http).PresentAsync(Challenge(), default));

        Assert.StartsWith("pdns: look up zone ", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.Equal(["\"wildcard-value\""], pdns.Zones["example.org."].Txt["_acme-challenge.www.example.org."]);
        Assert.DoesNotContain(server.Requests, r => r.Method == "PATCH");
    }

    private static string Reshaped(string zone, string shape)
    {
        if (shape == "empty") return "";
        var root = System.Text.Json.Nodes.JsonNode.Parse(zone)!.AsObject();
        switch (shape)
        {
            case "content a number": root["rrsets"]![0]!["records"]![0]!["content"] = 7; break;
            case "no rrsets": root.Remove("rrsets"); break;
            case "no records": root["rrsets"]![0]!.AsObject().Remove("records"); break;
        }
        return root.ToJsonString();
    }

    [Fact]
    public void Required_variables_and_a_bad_URL_are_reported_without_the_key()
    {
        var missing = Assert.Throws<DnsProviderException>(() => new PdnsDnsProvider(new ProviderCredentials(new Dictionary<string, string> { ["PDNS_API_URL"] = "http://127.0.0.1:8081" }), new HttpClient()));
        Assert.Contains("PDNS_API_KEY", missing.Message);
        var bad = Assert.Throws<DnsProviderException>(() => new PdnsDnsProvider(new ProviderCredentials(new Dictionary<string, string>
        {
            ["PDNS_API_URL"] = "ftp://admin:hunter2@127.0.0.1/",
            ["PDNS_API_KEY"] = Key,
        }), new HttpClient()));
        Assert.Contains("PDNS_API_URL is not an http(s) URL", bad.Message);
        Assert.DoesNotContain("hunter2", bad.Message);
    }

    [Fact]
    public async Task A_long_error_is_cut_short_only_after_the_key_in_it_is_masked()
    {
        const string key = "PdnsKeyStraddling0123456789";
        // The key spans the 300th character of PowerDNS's message: cut first, its start would be printed.
        var message = new string('x', 290) + key + new string('y', 100);
        using var server = new FakeHttpServer(_ => (500, JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = message }), null));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => PdnsProvider(server, http, key).PresentAsync(Challenge(), default));

        Assert.Contains("HTTP 500: xxxx", error.Message);
        Assert.DoesNotContain("PdnsKey", error.ToString());
    }

    [Fact]
    public async Task An_error_with_escape_sequences_and_line_breaks_is_quoted_on_one_line_with_them_shown()
    {
        var message = "zone locked\r\n\u001b[1A\u001b[2Kok: certificate installed\u0007";
        using var server = new FakeHttpServer(_ => (500, JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = message }), null));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => PdnsProvider(server, http).PresentAsync(Challenge(), default));

        Assert.Contains("HTTP 500: zone locked  \\u001b[1A\\u001b[2Kok: certificate installed\\u0007", error.Message);
        Assert.DoesNotContain(error.Message, char.IsControl);
    }

    [Fact]
    public void An_api_version_that_is_not_a_whole_number_is_refused_by_lint_as_by_rebuild()
    {
        var credentials = new ProviderCredentials(new Dictionary<string, string>
        {
            ["PDNS_API_URL"] = "http://127.0.0.1:8081/", ["PDNS_API_KEY"] = Key, ["PDNS_API_VERSION"] = "v4",
        });
        using var http = new HttpClient();

        var error = Assert.ThrowsAny<ConfigLang.Acme.Protocol.AcmeException>(() => new PdnsDnsProvider(credentials, http));

        Assert.Equal("PDNS_API_VERSION must be a whole number of at least 0", error.Message);
        Assert.Equal(("PDNS_API_VERSION", error.Message), credentials.BrokenRule(PdnsDnsProvider.Variables["PDNS_API_VERSION"]));
    }
}
