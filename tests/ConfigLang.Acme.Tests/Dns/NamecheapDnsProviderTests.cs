using System.Collections.Specialized;
using System.Web;
using System.Xml;
using System.Xml.Linq;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The namecheap provider against a local stand-in for Namecheap's XML API that enforces its
/// documented shapes: ApiUser, ApiKey, UserName and ClientIp on every call, reads as GET
/// (<c>namecheap.domains.getList</c> paged by Page/PageSize, <c>namecheap.domains.dns.getHosts</c>
/// by SLD/TLD), <c>namecheap.domains.dns.setHosts</c> as a form POST replacing every host,
/// <c>&lt;ApiResponse Status="ERROR"&gt;&lt;Errors&gt;&lt;Error Number&gt;</c> answers, a 429 once;
/// the client IP from the getip service.
/// </summary>
public sealed class NamecheapDnsProviderTests : DnsProviderConformanceTests
{
    private const string User = "acmeuser";
    private const string Key = "namecheap0123456789abcdef0123456";
    private const string ClientIp = "203.0.113.7";

    private sealed class FakeNamecheap
    {
        // The zone's hosts: someone's A record at the apex must survive every setHosts.
        public List<(string Name, string Type, string Address)> Hosts = [("@", "A", "192.0.2.1")];
        public int RateLimitOnce;

        public (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request)
        {
            if (request.PathAndQuery == "/getip") return (200, ClientIp + "\n", null);
            var query = request.Method == "GET"
                ? HttpUtility.ParseQueryString(request.PathAndQuery[request.PathAndQuery.IndexOf('?')..])
                : request.Header("Content-Type")?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true ? HttpUtility.ParseQueryString(request.Body) : [];
            if (query["ApiUser"] != User || query["UserName"] != User || query["ApiKey"] != Key || query["ClientIp"] != ClientIp)
                return Error("1011102", $"API Key is invalid or API access has not been enabled ({query["ApiKey"]})");
            if (Interlocked.Exchange(ref RateLimitOnce, 0) == 1)
                return (429, "Too Many Requests", new Dictionary<string, string> { ["Retry-After"] = "1" });
            switch (query["Command"])
            {
                case "namecheap.domains.getList" when request.Method == "GET":
                    var page = int.Parse(query["Page"]!);
                    if (int.Parse(query["PageSize"]!) is < 10 or > 100) return Error("2011170", "PageSize is invalid");
                    var names = page == 1 ? Enumerable.Range(0, 100).Select(i => $"filler{i}.net") : ["example.org"];
                    return Ok($"<DomainGetListResult>{string.Concat(names.Select(n => $"<Domain ID=\"1\" Name=\"{n}\" IsOurDNS=\"true\" />"))}</DomainGetListResult><Paging><TotalItems>101</TotalItems><CurrentPage>{page}</CurrentPage><PageSize>100</PageSize></Paging>");
                case "namecheap.domains.dns.getHosts" when request.Method == "GET":
                    if (query["SLD"] != "example" || query["TLD"] != "org") return Error("2019166", "Domain not found");
                    return Ok($"<DomainDNSGetHostsResult Domain=\"example.org\" IsUsingOurDNS=\"true\">{string.Concat(Hosts.Select((h, i) => $"<host HostId=\"{i + 1}\" Name=\"{h.Name}\" Type=\"{h.Type}\" Address=\"{h.Address}\" MXPref=\"10\" TTL=\"1800\" />"))}</DomainDNSGetHostsResult>");
                case "namecheap.domains.dns.setHosts" when request.Method == "POST":
                    if (query["SLD"] != "example" || query["TLD"] != "org") return Error("2019166", "Domain not found");
                    var hosts = new List<(string, string, string)>();
                    for (var i = 1; query["HostName" + i] is { } name; i++)
                    {
                        if (query["RecordType" + i] is not { } type || query["Address" + i] is not { } address || query["TTL" + i] is null) return Error("2015330", "host incomplete");
                        hosts.Add((name, type, address));
                    }
                    Hosts = hosts;
                    return Ok("<DomainDNSSetHostsResult Domain=\"example.org\" IsSuccess=\"true\" />");
            }
            return Error("1010101", "Command is invalid");
        }

        private static (int, string, IReadOnlyDictionary<string, string>?) Ok(string result) =>
            (200, $"<?xml version=\"1.0\" encoding=\"utf-8\"?><ApiResponse Status=\"OK\" xmlns=\"http://api.namecheap.com/xml.response\"><Errors /><CommandResponse>{result}</CommandResponse></ApiResponse>", null);

        private static (int, string, IReadOnlyDictionary<string, string>?) Error(string number, string message) =>
            (200, $"<?xml version=\"1.0\" encoding=\"utf-8\"?><ApiResponse Status=\"ERROR\" xmlns=\"http://api.namecheap.com/xml.response\"><Errors><Error Number=\"{number}\">{message}</Error></Errors></ApiResponse>", null);
    }

    private readonly FakeNamecheap _api = new();

    protected override string ProviderName => "namecheap";

    protected override string WrongSecret => "namecheapWRONGSECRETVALUE0000000";

    protected override string WrongCredentialsMessage => "1011102: API Key is invalid";

    protected override (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request) => _api.Handle(request);

    protected override IReadOnlyCollection<FakeRecord> Records =>
        [.. _api.Hosts.Where(h => h.Type == "TXT").Select(h => new FakeRecord("example.org", h.Name, h.Address))];

    protected override void RateLimitOnce() => _api.RateLimitOnce = 1;

    protected override IDnsProvider Provider(FakeHttpServer server, HttpClient http, string? wrongSecret = null) =>
        new NamecheapDnsProvider(new ProviderCredentials(new Dictionary<string, string>
        {
            ["NAMECHEAP_API_USER"] = User, ["NAMECHEAP_API_KEY"] = wrongSecret ?? Key,
            ["NAMECHEAP_BASE_URL"] = new Uri(server.BaseUrl, "/xml.response").AbsoluteUri, ["NAMECHEAP_CLIENT_IP_URL"] = new Uri(server.BaseUrl, "/getip").AbsoluteUri,
        }), http);

    // XML answers: each element gone (but a list's items: fewer hosts is a well-formed answer), and each attribute.
    protected override IEnumerable<string> Misshapen(string answer) => MisshapenXml.Of(answer, ["host", "Domain", "Error"], attributes: true);

    // Every setHosts wrote the apex A record back; the client IP was asked once.
    protected override void AssertAfterRoundTrip(IReadOnlyList<RecordedRequest> requests)
    {
        Assert.Equal([("@", "A", "192.0.2.1")], _api.Hosts);
        Assert.Single(requests, r => r.PathAndQuery == "/getip");
    }

    // The apex A record comes first and stays beside the TXT left.
    protected override void AssertAfterWildcard(IReadOnlyList<RecordedRequest> requests)
    {
        Assert.Equal(("@", "A", "192.0.2.1"), _api.Hosts[0]);
        Assert.Equal(2, _api.Hosts.Count);
    }

    // The client IP comes first and is not rate limited; the A record stays beside the TXT.
    protected override void AssertRepeated(IReadOnlyList<RecordedRequest> requests)
    {
        Assert.Equal(requests[1].PathAndQuery, requests[2].PathAndQuery);
        Assert.Equal(2, _api.Hosts.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>Bad Gateway</html>")]
    [InlineData("7")]
    public async Task An_ip_service_answer_that_is_no_address_is_an_error_and_not_kept(string answer)
    {
        var ipAnswers = 0;
        using var server = Start(request => request.PathAndQuery == "/getip" && ipAnswers++ == 0 ? (200, answer, null) : Handle(request));
        using var http = new HttpClient();
        var provider = Provider(server, http);

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => provider.PresentAsync(Challenge(), default));
        await provider.PresentAsync(Challenge(), default);

        Assert.StartsWith("namecheap: learn the client IP: the answer of ", error.Message);
        Assert.DoesNotContain(server.Requests, r => r.PathAndQuery.Contains("ClientIp=&", StringComparison.Ordinal));
        Assert.Single(Records);
    }

    [Fact]
    public async Task An_answer_declaring_a_document_type_is_refused_saying_so()
    {
        const string answer = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY ok \"OK\">]><ApiResponse Status=\"&ok;\"/>";
        using var server = Start(request => request.PathAndQuery == "/getip" ? Handle(request) : (200, answer, null));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => Provider(server, http).PresentAsync(Challenge(), default));

        Assert.EndsWith(": an XML answer with a document type declaration, which is refused", error.Message);
        Assert.Empty(Records);
    }
}
