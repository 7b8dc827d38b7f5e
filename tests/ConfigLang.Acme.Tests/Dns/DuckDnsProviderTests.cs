using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Tests.Testbed;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The duckdns provider against a local stand-in for DuckDNS' update API that enforces its
/// documented shape: <c>GET /update?domains=SUB&amp;token=T&amp;txt=VALUE&amp;verbose=true</c>
/// (plus <c>&amp;clear=true</c> to clear), answered 200 with <c>OK</c> (verbose: more lines) or
/// <c>KO</c> for a wrong token or a domain the account does not hold. One TXT value per domain;
/// the account holds myhome and myother.
/// </summary>
public sealed class DuckDnsProviderTests : DnsProviderConformanceTests
{
    private const string Token = "a7c4d0ad-114e-40ef-ba1d-d217904a50f2";

    private sealed class FakeDuckDns
    {
        private static readonly HashSet<string> Allowed = ["domains", "token", "txt", "verbose", "clear"];

        // The account's domains and the one TXT value of each ("" when cleared).
        public readonly Dictionary<string, string> Txt = new() { ["myhome"] = "", ["myother"] = "" };
        public int RateLimitOnce;

        public (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request)
        {
            if (Interlocked.Exchange(ref RateLimitOnce, 0) == 1) return (429, "", new Dictionary<string, string> { ["Retry-After"] = "1" });
            var path = request.PathAndQuery;
            if (request.Method != "GET" || !path.StartsWith("/update?", StringComparison.Ordinal)) return (404, "not found", null);
            var query = System.Web.HttpUtility.ParseQueryString(path[path.IndexOf('?')..]);
            // DuckDNS answers KO, not an HTTP error, to anything it does not accept.
            if (query.AllKeys.Any(k => k is null || !Allowed.Contains(k)) || query["verbose"] != "true" || query["txt"] is null)
                return (200, "KO", null);
            if (query["token"] != Token || query["domains"] is not { } domain || !Txt.ContainsKey(domain)) return (200, "KO", null);
            var clear = query["clear"] switch { null => false, "true" => true, _ => (bool?)null };
            if (clear is null) return (200, "KO", null);
            var before = Txt[domain];
            Txt[domain] = clear.Value ? "" : query["txt"]!;
            return (200, $"OK\n{Txt[domain]}\n{(before == Txt[domain] ? "NOCHANGE" : "UPDATED")}", null);
        }
    }

    private readonly FakeDuckDns _api = new();

    protected override string ProviderName => "duckdns";

    protected override string WrongSecret => "0badc0de-wrong-secret-token-value";

    protected override string WrongCredentialsMessage => "DuckDNS answered KO (wrong DUCKDNS_TOKEN";

    private const string OneValuePerDomain =
        "DuckDNS keeps one TXT value per domain: the orderer runs its challenges one at a time (HoldsOneValuePerName)";

    [Fact(Skip = OneValuePerDomain)]
    public override Task A_wildcard_and_its_base_name_both_stay_until_each_is_cleaned_up() => Task.CompletedTask;

    protected override (int, string, IReadOnlyDictionary<string, string>?) Handle(RecordedRequest request) => _api.Handle(request);

    // DuckDNS keeps the value by domain, for every name below it.
    protected override IReadOnlyCollection<FakeRecord> Records =>
        [.. _api.Txt.Where(domain => domain.Value.Length > 0).Select(domain => new FakeRecord(domain.Key + ".duckdns.org", domain.Key, domain.Value))];

    protected override void RateLimitOnce() => _api.RateLimitOnce = 1;

    protected override IDnsProvider Provider(FakeHttpServer server, HttpClient http, string? wrongSecret = null) => DuckProvider(server, http, wrongSecret ?? Token);

    protected override string Apex => "myhome.duckdns.org";

    protected override string Zone => "myhome.duckdns.org";

    protected override string RoundTripDomain => "www.myhome.duckdns.org";

    // Not a wildcard beside it: its value would replace ours. Another domain's value must stay.
    protected override ChallengeTask Neighbour => Challenge("myother.duckdns.org", token: "neighbour-token");

    protected override string RecordName(string relative) => "myhome";

    // Every update, clear included, is a GET.
    protected override bool IsWrite(RecordedRequest request) => request.PathAndQuery.StartsWith("/update", StringComparison.Ordinal);

    // KO is DuckDNS' answer to a domain the account does not hold too: the error names the domain asked for.
    protected override void AssertWrongCredentialsError(DnsProviderException error) =>
        Assert.Contains("set TXT of myhome.duckdns.org: ", error.Message);

    private static DuckDnsProvider DuckProvider(FakeHttpServer server, HttpClient http, string token = Token) =>
        new(new ProviderCredentials(new Dictionary<string, string> { ["DUCKDNS_TOKEN"] = token, ["DUCKDNS_BASE_URL"] = server.BaseUrl.AbsoluteUri }), http);

    [Fact]
    public async Task The_txt_of_the_duckdns_domain_is_set_and_then_cleared()
    {
        var api = new FakeDuckDns();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();
        var provider = DuckProvider(server, http);
        var challenge = Challenge("www.myhome.duckdns.org");

        await provider.PresentAsync(challenge, default);
        var published = api.Txt["myhome"];
        await provider.CleanupAsync(challenge, default);

        Assert.Equal(challenge.DnsTxtValue, published);
        Assert.Equal("", api.Txt["myhome"]);
        Assert.Equal(
            [$"/update?domains=myhome&token={Token}&txt={challenge.DnsTxtValue}&verbose=true",
             $"/update?domains=myhome&token={Token}&txt={challenge.DnsTxtValue}&verbose=true&clear=true"],
            server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task Cleanup_leaves_a_value_published_since_by_another_challenge()
    {
        var api = new FakeDuckDns();
        using var server = new FakeHttpServer(api.Handle);
        using var http = new HttpClient();
        var provider = DuckProvider(server, http);
        var apex = Challenge("myhome.duckdns.org");
        var wildcard = Wildcard("myhome.duckdns.org");

        await provider.PresentAsync(apex, default);
        await provider.PresentAsync(wildcard, default);
        await provider.CleanupAsync(apex, default);

        Assert.Equal(wildcard.DnsTxtValue, api.Txt["myhome"]);
        Assert.Equal(2, server.Requests.Count);
    }

    [Theory]
    [InlineData("_acme-challenge.a.b.duckdns.org.", "b")]
    [InlineData("_acme-challenge.b.duckdns.org", "b")]
    [InlineData("_acme-challenge.x.y.MyHome.DuckDNS.org.", "myhome")]
    public void The_duckdns_domain_is_the_label_before_duckdns_org(string recordName, string expected) =>
        Assert.Equal(expected, DuckDnsProvider.DomainOf(recordName));

    [Theory]
    [InlineData("_acme-challenge.example.org.")]
    [InlineData("_acme-challenge.notduckdns.org.")]
    [InlineData("_acme-challenge.duckdns.org.")]
    public void A_name_not_under_a_duckdns_domain_is_refused_naming_it(string recordName)
    {
        var error = Assert.Throws<DnsProviderException>(() => DuckDnsProvider.DomainOf(recordName));

        Assert.StartsWith("duckdns: ", error.Message);
        Assert.Contains(recordName.TrimEnd('.'), error.Message);
    }

    [Fact]
    public void The_provider_asks_for_its_challenges_one_at_a_time_its_sequence_interval_apart()
    {
        using var http = new HttpClient();
        var provider = new DuckDnsProvider(new ProviderCredentials(new Dictionary<string, string>
            { ["DUCKDNS_TOKEN"] = Token, ["DUCKDNS_SEQUENCE_INTERVAL"] = "5" }), http);
        var solver = new ConfigLang.Acme.Challenges.Dns01Solver(provider);

        Assert.True(solver.OneAtATime);
        Assert.Equal(TimeSpan.FromSeconds(5), solver.SequenceInterval);
    }

    [Fact]
    public async Task An_unknown_answer_is_cut_short_only_after_the_token_in_it_is_masked()
    {
        // The token spans the 20th character of the answer's first line: cut first, its start would be printed.
        using var server = new FakeHttpServer(_ => (200, "refused: " + Token + " is not known", null));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => DuckProvider(server, http, Token).PresentAsync(Challenge("myhome.duckdns.org"), default));

        Assert.Contains("DuckDNS answered refused: ***", error.Message);
        Assert.DoesNotContain(Token[..8], error.ToString());
    }
}
