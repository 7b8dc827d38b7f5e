using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The route53 provider against a local stand-in for the Route 53 REST API (2013-04-01) that
/// enforces its documented shapes: every request SigV4-signed for <c>route53</c>/us-east-1 (the
/// stand-in recomputes the signature over what arrived on the wire), <c>hostedzonesbyname</c>
/// pages, record sets read by name and type and changed whole (a DELETE must name the exact
/// current set), quoted TXT values, change status PENDING then INSYNC, XML error answers
/// (<c>InvalidClientTokenId</c>, <c>SignatureDoesNotMatch</c>, <c>Throttling</c>). Its throttling
/// is a 400 <c>Throttling</c> answer waited out with backoff, not a 429 with Retry-After.
/// </summary>
public sealed partial class Route53DnsProviderTests : DnsProviderConformanceTests
{
    private const string KeyId = "AKIAEXAMPLE123";
    private const string Secret = "r53-secret-Hq0S9xZ1";
    private static readonly XNamespace Ns = "https://route53.amazonaws.com/doc/2013-04-01/";

    private sealed class FakeRoute53
    {
        // Sorted by name, as Route 53 lists them: a private zone of the same name comes first.
        public readonly List<(string Id, string Name, bool Private)> Zones = [("ZPRIVATE", "example.org.", true), ("ZPUBLIC", "example.org.", false), ("ZOTHER", "other.net.", false)];

        // Record sets of ZPUBLIC: name -> (TTL, values).
        public readonly SortedDictionary<string, (int Ttl, List<string> Values)> Txt = new(StringComparer.Ordinal);

        public int ThrottleNext { get; set; }

        public int PageSize { get; init; } = 100;

        private readonly Dictionary<string, int> _changeChecks = [];
        private int _changes;

        public (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request)
        {
            if (Verify(request) is { } refused) return refused;
            if (ThrottleNext > 0)
            {
                ThrottleNext--;
                return (400, Error("Sender", "Throttling", "Rate exceeded"), null);
            }
            var path = request.PathAndQuery.Split('?')[0];
            var query = QueryOf(request.PathAndQuery);
            if (request.Method == "GET" && path == "/2013-04-01/hostedzonesbyname")
            {
                var start = query["dnsname"];
                var from = Zones.FindIndex(z => string.CompareOrdinal(z.Name, start) >= 0 && (!query.TryGetValue("hostedzoneid", out var id) || z.Id == id || z.Name != start));
                var page = from < 0 ? [] : Zones.Skip(from).Take(Math.Min(PageSize, int.Parse(query["maxitems"]))).ToList();
                var next = from < 0 ? -1 : from + page.Count;
                var truncated = next >= 0 && next < Zones.Count;
                var body = new XElement(Ns + "ListHostedZonesByNameResponse",
                    new XElement(Ns + "HostedZones", page.Select(z => new XElement(Ns + "HostedZone",
                        new XElement(Ns + "Id", "/hostedzone/" + z.Id), new XElement(Ns + "Name", z.Name),
                        new XElement(Ns + "Config", new XElement(Ns + "PrivateZone", z.Private ? "true" : "false"))))),
                    new XElement(Ns + "DNSName", start), new XElement(Ns + "IsTruncated", truncated ? "true" : "false"), new XElement(Ns + "MaxItems", query["maxitems"]),
                    truncated ? new XElement(Ns + "NextDNSName", Zones[next].Name) : null, truncated ? new XElement(Ns + "NextHostedZoneId", Zones[next].Id) : null);
                return (200, body.ToString(), null);
            }
            if (path == "/2013-04-01/hostedzone/ZPUBLIC/rrset" && request.Method == "GET")
            {
                if (query["type"] != "TXT" || query["maxitems"] != "1") return (400, Error("Sender", "InvalidInput", "type and maxitems"), null);
                var sets = Txt.Where(p => string.CompareOrdinal(p.Key, query["name"]) >= 0).Take(1);
                return (200, new XElement(Ns + "ListResourceRecordSetsResponse", new XElement(Ns + "ResourceRecordSets", sets.Select(p =>
                    new XElement(Ns + "ResourceRecordSet", new XElement(Ns + "Name", p.Key), new XElement(Ns + "Type", "TXT"), new XElement(Ns + "TTL", p.Value.Ttl),
                        new XElement(Ns + "ResourceRecords", p.Value.Values.Select(v => new XElement(Ns + "ResourceRecord", new XElement(Ns + "Value", v)))))))).ToString(), null);
            }
            if (path == "/2013-04-01/hostedzone/ZPUBLIC/rrset" && request.Method == "POST")
            {
                if (request.Header("Content-Type")?.StartsWith("application/xml", StringComparison.Ordinal) != true) return (415, Error("Sender", "InvalidInput", "content type"), null);
                var change = XDocument.Parse(request.Body).Root!.Element(Ns + "ChangeBatch")!.Element(Ns + "Changes")!.Elements(Ns + "Change").Single();
                var set = change.Element(Ns + "ResourceRecordSet")!;
                var name = set.Element(Ns + "Name")!.Value;
                var ttl = int.Parse(set.Element(Ns + "TTL")!.Value);
                var values = set.Descendants(Ns + "Value").Select(v => v.Value).ToList();
                if (set.Element(Ns + "Type")!.Value != "TXT" || values.Count == 0 || values.Any(v => !v.StartsWith('"') || !v.EndsWith('"')))
                    return (400, Error("Sender", "InvalidChangeBatch", "Invalid Resource Record: FATAL problem: InvalidCharacterString (Value should be enclosed in quotation marks)"), null);
                switch (change.Element(Ns + "Action")!.Value)
                {
                    case "UPSERT":
                        Txt[name] = (ttl, values);
                        break;
                    case "DELETE":
                        if (!Txt.TryGetValue(name, out var current) || current.Ttl != ttl || !current.Values.Order().SequenceEqual(values.Order()))
                            return (400, Error("Sender", "InvalidChangeBatch", $"Tried to delete resource record set [name='{name}', type='TXT'] but the values provided do not match the current values"), null);
                        Txt.Remove(name);
                        break;
                    default:
                        return (400, Error("Sender", "InvalidInput", "action"), null);
                }
                var id = "C" + ++_changes;
                return (200, new XElement(Ns + "ChangeResourceRecordSetsResponse", new XElement(Ns + "ChangeInfo",
                    new XElement(Ns + "Id", "/change/" + id), new XElement(Ns + "Status", "PENDING"), new XElement(Ns + "SubmittedAt", "2026-12-06T00:00:00Z"))).ToString(), null);
            }
            if (request.Method == "GET" && path.StartsWith("/2013-04-01/change/", StringComparison.Ordinal))
            {
                var id = path["/2013-04-01/change/".Length..];
                _changeChecks[id] = _changeChecks.GetValueOrDefault(id) + 1;
                // PENDING at the first look, INSYNC after.
                var status = _changeChecks[id] > 1 ? "INSYNC" : "PENDING";
                return (200, new XElement(Ns + "GetChangeResponse", new XElement(Ns + "ChangeInfo", new XElement(Ns + "Id", "/change/" + id), new XElement(Ns + "Status", status))).ToString(), null);
            }
            return (404, Error("Sender", "NoSuchHostedZone", "No hosted zone found with ID: " + path), null);
        }

        /// <summary>A SigV4 check as AWS makes it: known key, scope route53/us-east-1, date and host signed, signature over the request as received.</summary>
        private static (int, string, IReadOnlyDictionary<string, string>?)? Verify(RecordedRequest request)
        {
            var authorization = request.Header("Authorization") ?? "";
            var match = AuthorizationPattern().Match(authorization);
            if (!match.Success) return (403, Error("Sender", "MissingAuthenticationToken", "Missing Authentication Token"), null);
            if (match.Groups["key"].Value != KeyId) return (403, Error("Sender", "InvalidClientTokenId", "The security token included in the request is invalid."), null);
            var date = request.Header("X-Amz-Date") ?? "";
            if (match.Groups["scope"].Value != date[..Math.Min(8, date.Length)] + "/us-east-1/route53/aws4_request")
                return (403, Error("Sender", "SignatureDoesNotMatch", "Credential should be scoped to a valid region and service"), null);
            var signed = match.Groups["signed"].Value.Split(';');
            if (!signed.Contains("host") || !signed.Contains("x-amz-date")) return (403, Error("Sender", "SignatureDoesNotMatch", "host and x-amz-date must be signed"), null);
            var headers = signed.ToDictionary(h => h, h => request.Header(h) ?? "");
            var expected = AwsSigV4.Authorization(request.Method, new Uri("http://" + request.Header("Host") + request.PathAndQuery), headers,
                Encoding.UTF8.GetBytes(request.Body), new AwsCredentials(KeyId, Secret), "us-east-1", "route53");
            return expected == authorization ? null
                : (403, Error("Sender", "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided."), null);
        }

        private static Dictionary<string, string> QueryOf(string pathAndQuery) =>
            pathAndQuery.Contains('?')
                ? pathAndQuery[(pathAndQuery.IndexOf('?') + 1)..].Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]))
                : [];

        private static string Error(string type, string code, string message) =>
            new XElement(Ns + "ErrorResponse", new XElement(Ns + "Error", new XElement(Ns + "Type", type), new XElement(Ns + "Code", code), new XElement(Ns + "Message", message)),
                new XElement(Ns + "RequestId", "req-1")).ToString();
    }

    [GeneratedRegex("^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<scope>[^,]+), SignedHeaders=(?<signed>[a-z0-9;-]+), Signature=[0-9a-f]{64}$")]
    private static partial Regex AuthorizationPattern();

    private readonly FakeRoute53 _api = new();

    protected override string ProviderName => "route53";

    protected override string WrongSecret => "wrong-secret-Zz9911";

    protected override string WrongCredentialsMessage => "HTTP 403: SignatureDoesNotMatch";

    protected override (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request) => _api.Handle(request);

    protected override IReadOnlyCollection<FakeRecord> Records => RecordsOf(Zone, _api.Txt.ToDictionary(set => set.Key, set => set.Value.Values));

    // Route 53 throttles with a 400 Throttling answer, waited out with backoff.
    protected override void RateLimitOnce() => _api.ThrottleNext = 1;

    protected override IDnsProvider Provider(FakeHttpServer server, HttpClient http, string? wrongSecret = null) =>
        Route53(server, http, secret: wrongSecret ?? Secret);

    // Route 53 names record sets in full, with the root's dot, and keeps TXT values quoted.
    protected override string RecordName(string relative) => relative + ".example.org.";

    protected override string StoredValue(string value) => "\"" + value + "\"";

    // The keys named as the likely cause, and the right secret not shown either.
    protected override void AssertWrongCredentialsError(DnsProviderException error)
    {
        Assert.EndsWith("(check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)", error.Message);
        Assert.DoesNotContain(Secret, error.ToString());
    }

    /// <summary>The XML answer without one of its elements at a time; a list's items (zones, record sets, records) stay.</summary>
    protected override IEnumerable<string> Misshapen(string answer) =>
        MisshapenXml.Of(answer, ["HostedZone", "ResourceRecordSet", "ResourceRecord"], attributes: false);

    private static Route53DnsProvider Route53(FakeHttpServer server, HttpClient http, TimeProvider? clock = null, string secret = Secret, params (string, string)[] more)
    {
        var values = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = KeyId,
            ["AWS_SECRET_ACCESS_KEY"] = secret,
            ["AWS_ENDPOINT_URL_ROUTE_53"] = server.BaseUrl.AbsoluteUri,
            ["AWS_POLLING_INTERVAL"] = "1",
        };
        foreach (var (name, value) in more) values[name] = value;
        return new Route53DnsProvider(new ProviderCredentials(values), http, clock ?? new RecordingTimeProvider());
    }

    [Fact]
    public async Task The_record_goes_into_the_public_zone_waits_for_INSYNC_and_is_deleted_again()
    {
        var route53 = new FakeRoute53 { PageSize = 1 };
        route53.Txt["www.example.org."] = (300, ["\"not-a-challenge\""]);
        using var server = new FakeHttpServer(route53.Handle);
        using var http = new HttpClient();
        var provider = Route53(server, http);
        var challenge = Challenge("deep.www.example.org");

        await provider.PresentAsync(challenge, default);
        var created = route53.Txt["_acme-challenge.deep.www.example.org."];
        Assert.Equal(10, created.Ttl);
        Assert.Equal(["\"" + challenge.DnsTxtValue + "\""], created.Values);
        await provider.CleanupAsync(challenge, default);

        Assert.False(route53.Txt.ContainsKey("_acme-challenge.deep.www.example.org."));
        Assert.Equal(["\"not-a-challenge\""], route53.Txt["www.example.org."].Values);
        // The private zone listed first was passed over, on the next page.
        Assert.Contains(server.Requests, r => r.PathAndQuery.Contains("hostedzoneid=ZPUBLIC", StringComparison.Ordinal));
        // Each change was checked until INSYNC.
        Assert.Equal(2, server.Requests.Count(r => r.PathAndQuery == "/2013-04-01/change/C1"));
    }

    [Fact]
    public async Task Presents_at_once_share_the_set_and_no_change_is_checked_when_waiting_is_off()
    {
        var route53 = new FakeRoute53();
        using var server = new FakeHttpServer(route53.Handle);
        using var http = new HttpClient();
        var provider = Route53(server, http, more: ("AWS_WAIT_FOR_RECORD_SETS_CHANGED", "false"));
        var apex = Challenge("example.org");
        var wildcard = Wildcard("example.org");

        // Each present reads and writes the whole set: the second must not overwrite the first.
        await Task.WhenAll(provider.PresentAsync(apex, default), provider.PresentAsync(wildcard, default));

        Assert.Equal(new[] { "\"" + apex.DnsTxtValue + "\"", "\"" + wildcard.DnsTxtValue + "\"" }.Order(), route53.Txt["_acme-challenge.example.org."].Values.Order());
        Assert.DoesNotContain(server.Requests, r => r.PathAndQuery.StartsWith("/2013-04-01/change/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_INSYNC_wait_is_declared_to_the_order_deadline_once_with_its_default_when_no_timeout_is_set()
    {
        using var server = new FakeHttpServer(new FakeRoute53().Handle);
        using var http = new HttpClient();
        var check = DnsPropagationCheck.AtResolvers([]);

        // Unset: INSYNC up to its 120 s default, then the check its own 60 s default.
        Assert.Equal(TimeSpan.FromSeconds(180), new Dns01Solver(Route53(server, http), check).PresentationWait);
        // Set: both INSYNC and the check are bounded by it, one after the other.
        Assert.Equal(TimeSpan.FromSeconds(600), new Dns01Solver(Route53(server, http, more: ("AWS_PROPAGATION_TIMEOUT", "300")), check).PresentationWait);
        // Not waiting for INSYNC: only the check's wait.
        Assert.Equal(TimeSpan.FromSeconds(60),
            new Dns01Solver(Route53(server, http, more: ("AWS_WAIT_FOR_RECORD_SETS_CHANGED", "false")), check).PresentationWait);
    }

    [Fact]
    public async Task Throttling_is_retried_with_backoff()
    {
        var route53 = new FakeRoute53 { ThrottleNext = 2 };
        using var server = new FakeHttpServer(route53.Handle);
        using var http = new HttpClient();
        var clock = new RecordingTimeProvider();

        await Route53(server, http, clock, more: ("AWS_HOSTED_ZONE_ID", "/hostedzone/ZPUBLIC")).PresentAsync(Challenge(), default);

        Assert.Single(route53.Txt, p => p.Key.StartsWith("_acme-challenge", StringComparison.Ordinal));
        Assert.Equal([TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400)], clock.Delays.Take(2));
        // The zone id given: no lookup.
        Assert.DoesNotContain(server.Requests, r => r.PathAndQuery.Contains("hostedzonesbyname", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_record_set_list_in_another_shape_is_an_error_and_the_other_value_stays()
    {
        var route53 = new FakeRoute53();
        route53.Txt["_acme-challenge.www.example.org."] = (300, ["\"wildcard-value\""]);
        // A proxy's or a changed API's answer to the read, without the list: not "no values".
        using var server = new FakeHttpServer(request => request.Method == "GET" && request.PathAndQuery.Contains("/rrset?", StringComparison.Ordinal)
            ? (200, new XElement(Ns + "ListResourceRecordSetsResponse").ToString(), null)
            : route53.Handle(request));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<DnsProviderException>(() =>
            Route53(server, http, more: ("AWS_HOSTED_ZONE_ID", "ZPUBLIC")).PresentAsync(Challenge(), default));

        Assert.Equal("route53: read TXT _acme-challenge.www.example.org: answer without ResourceRecordSets", error.Message);
        Assert.Equal(["\"wildcard-value\""], route53.Txt["_acme-challenge.www.example.org."].Values);
        Assert.DoesNotContain(server.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task The_no_zone_error_says_public_and_how_to_name_the_zone()
    {
        var route53 = new FakeRoute53();
        using var server = new FakeHttpServer(route53.Handle);
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => Route53(server, http).PresentAsync(Challenge("www.nowhere.test"), default));

        Assert.Equal("route53: no public Route 53 hosted zone found for _acme-challenge.www.nowhere.test (tried www.nowhere.test, nowhere.test); set AWS_HOSTED_ZONE_ID to name it", error.Message);
    }

    [Fact]
    public async Task A_long_error_is_cut_short_only_after_the_secret_in_it_is_masked()
    {
        const string secret = "AwsSecretStraddling0123456789abcdef";
        // The secret spans where AWS's code and message are cut: cut first, its start would be printed.
        var message = new string('x', 280) + secret + new string('y', 100);
        var answer = new XElement(Ns + "ErrorResponse",
            new XElement(Ns + "Error", new XElement(Ns + "Type", "Sender"), new XElement(Ns + "Code", "InvalidInput"), new XElement(Ns + "Message", message))).ToString();
        using var server = new FakeHttpServer(_ => (400, answer, null));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<DnsProviderException>(() =>
            Route53(server, http, secret: secret, more: ("AWS_HOSTED_ZONE_ID", "ZPUBLIC")).PresentAsync(Challenge(), default));

        Assert.Contains("HTTP 400: InvalidInput xxxx", error.Message);
        Assert.DoesNotContain("AwsSec", error.ToString());
    }

    [Fact]
    public async Task An_answer_declaring_a_document_type_is_refused_before_any_entity_of_it_is_used()
    {
        // The zone's name arrives only through an entity: read with the DTD, the lookup would find
        // the public zone and the record would be written. Its right-to-left override must not reach the terminal.
        const string answer = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY zone \"example.org.\"><!ENTITY mark \"\u202eowned\">]>"
            + "<ListHostedZonesByNameResponse xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"><HostedZones><HostedZone><Id>/hostedzone/ZPUBLIC</Id>"
            + "<Name>&zone;</Name><Config><PrivateZone>false</PrivateZone></Config></HostedZone></HostedZones><IsTruncated>false</IsTruncated><MaxItems>100</MaxItems>"
            + "</ListHostedZonesByNameResponse>";
        var route53 = new FakeRoute53();
        using var server = new FakeHttpServer(request => request.PathAndQuery.Contains("hostedzonesbyname", StringComparison.Ordinal) ? (200, answer, null) : route53.Handle(request));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => Route53(server, http).PresentAsync(Challenge(), default));

        Assert.Equal(Route53DnsProvider.ProviderName, error.Provider);
        Assert.Contains(": HTTP 200, an XML answer with a document type declaration, which is refused: <?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY zone", error.Message);
        Assert.Contains("\\u202eowned", error.Message);
        Assert.DoesNotContain('\u202e', error.Message);
        Assert.Single(server.Requests);
        Assert.DoesNotContain(route53.Txt, set => set.Key.StartsWith("_acme-challenge", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_HTML_error_page_of_a_5xx_is_retried_like_any_other_5xx()
    {
        // A load balancer's page declares a document type: not an answer to refuse at once, a failure to retry.
        var route53 = new FakeRoute53();
        var pages = 0;
        using var server = new FakeHttpServer(request => Interlocked.Increment(ref pages) == 1
            ? (503, "<!DOCTYPE html><html><body>Service Unavailable</body></html>", null)
            : route53.Handle(request));
        using var http = new HttpClient();

        await Route53(server, http, more: ("AWS_HOSTED_ZONE_ID", "/hostedzone/ZPUBLIC")).PresentAsync(Challenge(), default);

        Assert.Single(route53.Txt, p => p.Key.StartsWith("_acme-challenge", StringComparison.Ordinal));
        Assert.True(pages >= 2);
    }
}
