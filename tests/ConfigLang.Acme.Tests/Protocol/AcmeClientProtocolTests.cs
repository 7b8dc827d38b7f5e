using ConfigLang.Acme.Protocol;
using ConfigLang.Acme.Protocol.Resources;
using ConfigLang.Acme.Tests.Testbed;

namespace ConfigLang.Acme.Tests.Protocol;

/// <summary>Protocol corners against a scripted server: nonces, problems, polling, kid, profiles, ARI.</summary>
public sealed class AcmeClientProtocolTests
{
    private static readonly IReadOnlyDictionary<string, string> AccountCreated = new Dictionary<string, string> { ["Location"] = "BASE/acct/1" };

    private static (int, string, IReadOnlyDictionary<string, string>?) Account(JwsRequest _) => (201, "{\"status\":\"valid\"}", AccountCreated);

    private static async Task<(AcmeClient Client, AcmeAccount Account)> RegisteredAsync(FakeAcmeServer server, AcmeClientOptions? options = null)
    {
        var client = new AcmeClient(server.DirectoryUrl, new HttpClient(), options, disposeHttpClient: true);
        var account = AcmeAccount.Generate();
        await client.RegisterAccountAsync(account, new AccountRegistration { TermsOfServiceAgreed = true, Contact = ["admin@example.org"] });
        return (client, account);
    }

    [Fact]
    public async Task BadNonce_is_retried_with_the_nonce_from_each_error_many_times_in_a_row()
    {
        var answeredNonces = new List<string>();
        var rejections = 0;
        using var server = new FakeAcmeServer(request =>
        {
            if (rejections++ < 6)
            {
                var fresh = "fresh-" + rejections;
                answeredNonces.Add(fresh);
                return JwsRequest.Problem(400, "badNonce", "stale nonce", headers: new Dictionary<string, string> { ["Replay-Nonce"] = fresh });
            }
            return Account(request);
        });
        var (client, account) = await RegisteredAsync(server);
        using var ownedClient = client;

        var posts = server.Requests.Where(r => r.Method == "POST").Select(JwsRequest.Parse).ToList();
        Assert.Equal(7, posts.Count);
        Assert.Equal(answeredNonces, posts.Skip(1).Select(p => p.Nonce));
        Assert.Equal(6, client.BadNonceRetries);
        Assert.Equal(new Uri(server.DirectoryUrl, "/acct/1"), account.Location);
    }

    [Fact]
    public async Task RateLimited_is_a_typed_error_with_detail_and_retry_after_and_is_never_retried()
    {
        using var server = new FakeAcmeServer(request => request.Path == "/account"
            ? Account(request)
            : JwsRequest.Problem(429, "rateLimited", "too many certificates for example.org", headers: new Dictionary<string, string> { ["Retry-After"] = "3600" }));
        var (client, account) = await RegisteredAsync(server);
        using var ownedClient = client;

        var error = await Assert.ThrowsAsync<AcmeProblemException>(() => client.NewOrderAsync(account, [AcmeIdentifier.Dns("example.org")]));

        Assert.Equal(AcmeProblemKind.RateLimited, error.Kind);
        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
        Assert.Contains("too many certificates for example.org", error.Message);
        Assert.Equal(1, server.Count("POST", "/order"));
    }

    [Fact]
    public async Task Subproblems_are_kept_and_shown_with_their_identifiers()
    {
        const string subproblems = "\"subproblems\":[{\"type\":\"urn:ietf:params:acme:error:rejectedIdentifier\",\"detail\":\"forbidden name\",\"identifier\":{\"type\":\"dns\",\"value\":\"bad.example.org\"}},"
            + "{\"type\":\"urn:ietf:params:acme:error:malformed\",\"detail\":\"invalid character\",\"identifier\":{\"type\":\"dns\",\"value\":\"b_d.example.org\"}}]";
        using var server = new FakeAcmeServer(request => request.Path == "/account"
            ? Account(request)
            : JwsRequest.Problem(400, "compound", "several identifiers refused", subproblems));
        var (client, account) = await RegisteredAsync(server);
        using var ownedClient = client;

        var error = await Assert.ThrowsAsync<AcmeProblemException>(() => client.NewOrderAsync(account, [AcmeIdentifier.Dns("bad.example.org"), AcmeIdentifier.Dns("b_d.example.org")]));

        Assert.Equal(AcmeProblemKind.Compound, error.Kind);
        Assert.Equal(2, error.Subproblems.Count);
        Assert.Equal(AcmeProblemKind.RejectedIdentifier, AcmeProblemException.KindOf(error.Subproblems[0].Type));
        Assert.Contains("bad.example.org", error.Message);
        Assert.Contains("invalid character", error.Message);
    }

    [Fact]
    public async Task Registration_sends_jwk_terms_and_contact_and_later_requests_use_the_account_url_as_kid()
    {
        using var server = new FakeAcmeServer(request => request.Path == "/account"
            ? Account(request)
            : (201, "{\"status\":\"pending\",\"identifiers\":[],\"authorizations\":[],\"finalize\":\"BASE/finalize/1\"}", new Dictionary<string, string> { ["Location"] = "BASE/order/1" }));
        var (client, account) = await RegisteredAsync(server);
        using var ownedClient = client;

        var order = await client.NewOrderAsync(account, [AcmeIdentifier.Dns("a.example.org"), AcmeIdentifier.Dns("b.example.org")]);

        var posts = server.Requests.Where(r => r.Method == "POST").Select(JwsRequest.Parse).ToList();
        Assert.True(posts[0].HasJwk);
        Assert.Null(posts[0].Kid);
        Assert.True(posts[0].Payload!.Value.GetProperty("termsOfServiceAgreed").GetBoolean());
        Assert.Equal("mailto:admin@example.org", posts[0].Payload!.Value.GetProperty("contact")[0].GetString());
        Assert.False(posts[1].HasJwk);
        Assert.Equal(account.Location!.AbsoluteUri, posts[1].Kid);
        Assert.Equal(2, posts[1].Payload!.Value.GetProperty("identifiers").GetArrayLength());
        Assert.Equal("dns", posts[1].Payload!.Value.GetProperty("identifiers")[0].GetProperty("type").GetString());
        Assert.Equal(new Uri(server.DirectoryUrl, "/order/1"), order.Location);
    }

    [Fact]
    public async Task Nonces_come_from_responses_so_newNonce_is_asked_only_once()
    {
        using var server = new FakeAcmeServer(request => request.Path == "/account"
            ? Account(request)
            : (200, "{\"status\":\"valid\",\"identifier\":{\"type\":\"dns\",\"value\":\"a.example.org\"},\"challenges\":[]}", null));
        var (client, account) = await RegisteredAsync(server);
        using var ownedClient = client;

        for (var i = 0; i < 3; i++) await client.GetAuthorizationAsync(account, new Uri(server.DirectoryUrl, "/authz/1"));

        Assert.Equal(1, server.Count("HEAD", "/nonce"));
        Assert.Equal(1, client.NonceRequests);
    }

    [Fact]
    public async Task Account_lookup_sends_onlyReturnExisting_and_gives_null_for_an_unknown_key()
    {
        using var server = new FakeAcmeServer(_ => JwsRequest.Problem(400, "accountDoesNotExist", "no account for this key"));
        using var client = new AcmeClient(server.DirectoryUrl, new HttpClient(), disposeHttpClient: true);
        using var account = AcmeAccount.Generate();

        var found = await client.FindAccountAsync(account);

        Assert.Null(found);
        var post = JwsRequest.Parse(server.Requests.Single(r => r.Method == "POST"));
        Assert.True(post.Payload!.Value.GetProperty("onlyReturnExisting").GetBoolean());
    }

    [Fact]
    public async Task Polling_waits_as_long_as_Retry_After_says()
    {
        var polls = 0;
        using var server = new FakeAcmeServer(request =>
        {
            if (request.Path == "/account") return Account(request);
            var status = ++polls < 3 ? "pending" : "valid";
            return (200, $"{{\"status\":\"{status}\",\"identifier\":{{\"type\":\"dns\",\"value\":\"a.example.org\"}},\"challenges\":[]}}",
                new Dictionary<string, string> { ["Retry-After"] = "7" });
        });
        var clock = new RecordingTimeProvider();
        var (client, account) = await RegisteredAsync(server, new AcmeClientOptions { Time = clock });
        using var ownedClient = client;

        var authorization = await client.WaitForAuthorizationAsync(account, new Uri(server.DirectoryUrl, "/authz/1"));

        Assert.Equal("valid", authorization.Status);
        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7)], clock.Delays);
    }

    [Fact]
    public async Task Polling_without_Retry_After_starts_at_100ms_and_backs_off()
    {
        var polls = 0;
        using var server = new FakeAcmeServer(request =>
        {
            if (request.Path == "/account") return Account(request);
            var status = ++polls < 5 ? "processing" : "valid";
            return (200, $"{{\"status\":\"{status}\",\"identifiers\":[],\"authorizations\":[]}}", null);
        });
        var clock = new RecordingTimeProvider();
        var (client, account) = await RegisteredAsync(server, new AcmeClientOptions { Time = clock });
        using var ownedClient = client;

        var order = await client.WaitForOrderAsync(account, new Uri(server.DirectoryUrl, "/order/1"));

        Assert.Equal("valid", order.Status);
        Assert.Equal([100, 150, 225, 337], clock.Delays.Select(d => (int)d.TotalMilliseconds));
    }

    [Fact]
    public async Task A_profile_the_directory_offers_is_sent_with_the_order_and_an_unknown_one_is_refused_before_sending()
    {
        using var server = new FakeAcmeServer(request => request.Path == "/account"
            ? Account(request)
            : (201, "{\"status\":\"pending\",\"profile\":\"shortlived\"}", new Dictionary<string, string> { ["Location"] = "BASE/order/1" }),
            "\"meta\":{\"profiles\":{\"classic\":\"90 days\",\"shortlived\":\"6 days\"}}");
        var (client, account) = await RegisteredAsync(server);
        using var ownedClient = client;

        var order = await client.NewOrderAsync(account, [AcmeIdentifier.Dns("a.example.org")], profile: "shortlived");
        var refused = await Assert.ThrowsAsync<AcmeException>(() => client.NewOrderAsync(account, [AcmeIdentifier.Dns("a.example.org")], profile: "tlsserver"));

        Assert.Equal("shortlived", order.Profile);
        var post = JwsRequest.Parse(server.Requests.Single(r => r.Method == "POST" && r.PathAndQuery == "/order"));
        Assert.Equal("shortlived", post.Payload!.Value.GetProperty("profile").GetString());
        Assert.Contains("classic, shortlived", refused.Message);
    }

    [Fact]
    public async Task Renewal_information_is_fetched_by_certificate_id_when_the_directory_offers_it()
    {
        using var server = new FakeAcmeServer(request => request.Http.PathAndQuery.StartsWith("/renewal-info/", StringComparison.Ordinal)
            ? (200, "{\"suggestedWindow\":{\"start\":\"2030-01-02T00:00:00Z\",\"end\":\"2030-01-03T00:00:00Z\"},\"explanationURL\":\"https://example.org/why\"}", new Dictionary<string, string> { ["Retry-After"] = "21600" })
            : (404, "", null),
            "\"renewalInfo\":\"BASE/renewal-info\"");
        using var client = new AcmeClient(server.DirectoryUrl, new HttpClient(), disposeHttpClient: true);
        using var certificate = SelfSignedWithAki.Create();

        var info = await client.GetRenewalInfoAsync(certificate);

        Assert.NotNull(info);
        Assert.Equal(new DateTimeOffset(2030, 1, 2, 0, 0, 0, TimeSpan.Zero), info.SuggestedWindow.Start);
        Assert.Equal(TimeSpan.FromHours(6), info.RetryAfter);
        Assert.Equal("/renewal-info/" + RenewalCertificateId.Of(certificate), server.Requests.Single(r => r.Method == "GET" && r.PathAndQuery.StartsWith("/renewal-info/", StringComparison.Ordinal)).PathAndQuery);
    }

    [Fact]
    public async Task Without_renewalInfo_in_the_directory_there_is_no_renewal_information_and_replaces_is_not_sent()
    {
        using var server = new FakeAcmeServer(request => request.Path == "/account"
            ? Account(request)
            : (201, "{\"status\":\"pending\"}", new Dictionary<string, string> { ["Location"] = "BASE/order/1" }));
        var (client, account) = await RegisteredAsync(server);
        using var ownedClient = client;
        using var certificate = SelfSignedWithAki.Create();

        Assert.Null(await client.GetRenewalInfoAsync(certificate));
        await client.NewOrderAsync(account, [AcmeIdentifier.Dns("a.example.org")], replaces: RenewalCertificateId.Of(certificate));

        var post = JwsRequest.Parse(server.Requests.Single(r => r.Method == "POST" && r.PathAndQuery == "/order"));
        Assert.False(post.Payload!.Value.TryGetProperty("replaces", out _));
    }
}
