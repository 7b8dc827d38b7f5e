using ConfigLang.Acme.Protocol;
using ConfigLang.Acme.Protocol.Resources;
using ConfigLang.Acme.Tests.Testbed;

namespace ConfigLang.Acme.Tests.Protocol;

/// <summary>
/// A loopback ACME server that asks for unbounded work or waits: endless alternate chains,
/// Retry-After of zero or of a day, URLs in schemes the client must not follow.
/// </summary>
public sealed class HostileServerProtocolTests
{
    private static readonly IReadOnlyDictionary<string, string> AccountCreated = new Dictionary<string, string> { ["Location"] = "BASE/acct/1" };

    private static async Task<(AcmeClient Client, AcmeAccount Account)> RegisteredAsync(FakeAcmeServer server, AcmeClientOptions? options = null)
    {
        var client = new AcmeClient(server.DirectoryUrl, new HttpClient(), options, disposeHttpClient: true);
        var account = AcmeAccount.Generate();
        await client.RegisterAccountAsync(account, new AccountRegistration { TermsOfServiceAgreed = true });
        return (client, account);
    }

    private static string PendingAuthorization => "{\"status\":\"pending\",\"identifier\":{\"type\":\"dns\",\"value\":\"a.example.org\"},\"challenges\":[]}";

    [Fact]
    public async Task Of_hundreds_of_alternate_chains_only_the_first_few_distinct_ones_are_fetched()
    {
        using var certificate = SelfSignedWithAki.Create();
        var pem = certificate.ExportCertificatePem() + "\n";
        var links = string.Join(", ", Enumerable.Range(0, 600).Select(i => $"<BASE/cert/alt/{i % 300}>;rel=\"alternate\""));
        using var server = new FakeAcmeServer(request => request.Path switch
        {
            "/account" => (201, "{\"status\":\"valid\"}", AccountCreated),
            "/cert" => (200, pem, new Dictionary<string, string> { ["Link"] = "<BASE/cert>;rel=\"alternate\", " + links }),
            _ => (200, pem, null),
        });
        var (client, account) = await RegisteredAsync(server);
        using var owned = client;

        var chains = await client.DownloadCertificateAsync(account, new Uri(server.DirectoryUrl, "/cert"), includeAlternates: true);

        Assert.Equal(1 + AcmeClient.MaxAlternateChains, chains.Count);
        var fetched = server.Requests.Where(r => r.Method == "POST" && r.PathAndQuery.StartsWith("/cert", StringComparison.Ordinal)).Select(r => r.PathAndQuery).ToList();
        Assert.Equal(["/cert", .. Enumerable.Range(0, AcmeClient.MaxAlternateChains).Select(i => $"/cert/alt/{i}")], fetched.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task A_server_refusing_every_nonce_is_given_up_after_the_retries_saying_how_many()
    {
        using var server = new FakeAcmeServer(request => request.Path == "/account"
            ? (201, "{\"status\":\"valid\"}", AccountCreated)
            : JwsRequest.Problem(400, "badNonce", "stale nonce"));
        var (client, account) = await RegisteredAsync(server, new AcmeClientOptions { MaxBadNonceRetries = 5 });
        using var owned = client;

        var error = await Assert.ThrowsAsync<AcmeProblemException>(() => client.NewOrderAsync(account, [AcmeIdentifier.Dns("a.example.org")]));

        Assert.Equal(AcmeProblemKind.BadNonce, error.Kind);
        Assert.Equal(6, server.Count("POST", "/order"));
        Assert.Equal($"{new Uri(server.DirectoryUrl, "/order")} refused 6 nonces in a row (the limit is 5 retries): urn:ietf:params:acme:error:badNonce (HTTP 400): stale nonce", error.Message);
    }

    [Fact]
    public async Task A_Retry_After_of_zero_still_waits_the_first_poll_interval()
    {
        var polls = 0;
        using var server = new FakeAcmeServer(request => request.Path == "/account"
            ? (201, "{\"status\":\"valid\"}", AccountCreated)
            : (200, ++polls < 4 ? PendingAuthorization : PendingAuthorization.Replace("pending", "valid", StringComparison.Ordinal),
                new Dictionary<string, string> { ["Retry-After"] = "0" }));
        var clock = new RecordingTimeProvider();
        var (client, account) = await RegisteredAsync(server, new AcmeClientOptions { Time = clock });
        using var owned = client;

        var authorization = await client.WaitForAuthorizationAsync(account, new Uri(server.DirectoryUrl, "/authz/1"));

        Assert.Equal("valid", authorization.Status);
        Assert.Equal([100, 100, 100], clock.Delays.Select(d => (int)d.TotalMilliseconds));
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_limit_ends_the_wait_at_once_saying_what_the_server_asked()
    {
        using var server = new FakeAcmeServer(request => request.Path == "/account"
            ? (201, "{\"status\":\"valid\"}", AccountCreated)
            : (200, PendingAuthorization, new Dictionary<string, string> { ["Retry-After"] = "86400" }));
        var clock = new RecordingTimeProvider();
        var (client, account) = await RegisteredAsync(server, new AcmeClientOptions { Time = clock });
        using var owned = client;

        var error = await Assert.ThrowsAsync<AcmeException>(() => client.WaitForAuthorizationAsync(account, new Uri(server.DirectoryUrl, "/authz/1")));

        Assert.Matches(@"^gave up after \d+ s of at most 180 s: authorization of 'a\.example\.org' still pending, and the server says to ask again in 86400 s$", error.Message);
        Assert.Empty(clock.Delays);
    }

    [Fact]
    public async Task A_file_URL_from_the_server_is_refused_without_being_read()
    {
        using var server = new FakeAcmeServer(request => request.Path switch
        {
            "/account" => (201, "{\"status\":\"valid\"}", AccountCreated),
            _ => (201, "{\"status\":\"pending\",\"authorizations\":[\"file:///etc/shadow\"]}", new Dictionary<string, string> { ["Location"] = "BASE/order/1" }),
        });
        var (client, account) = await RegisteredAsync(server);
        using var owned = client;
        var order = await client.NewOrderAsync(account, [AcmeIdentifier.Dns("a.example.org")]);

        var error = await Assert.ThrowsAsync<AcmeException>(() => client.GetAuthorizationAsync(account, order.Authorizations[0]));

        Assert.Equal($"the ACME server at {server.DirectoryUrl} sent the URL 'file:///etc/shadow': only http and https URLs are followed", error.Message);
    }

    [Fact]
    public async Task A_directory_naming_a_relative_renewalInfo_is_refused_as_an_ACME_error()
    {
        using var server = new FakeAcmeServer(_ => (404, "", null), "\"renewalInfo\":\"renewal-info\"");
        using var client = new AcmeClient(server.DirectoryUrl, new HttpClient(), disposeHttpClient: true);
        using var certificate = SelfSignedWithAki.Create();

        var error = await Assert.ThrowsAsync<AcmeException>(() => client.GetRenewalInfoAsync(certificate));

        Assert.Equal($"the ACME server at {server.DirectoryUrl} sent the URL 'renewal-info', which is not absolute", error.Message);
    }

    [Fact]
    public void A_refused_URL_is_quoted_with_its_control_characters_shown()
    {
        var directory = new Uri("https://acme.example/directory");

        var error = Assert.Throws<AcmeException>(() => ServerUrlScheme.Check(new Uri("relative\u001b]0;owned\u0007", UriKind.RelativeOrAbsolute), directory));

        Assert.Equal($"the ACME server at {directory} sent the URL 'relative\\u001b]0;owned\\u0007', which is not absolute", error.Message);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://acme.example/cert/1")]
    [InlineData("file:///etc/shadow")]
    public void From_an_https_directory_only_https_URLs_are_followed(string url)
    {
        var directory = new Uri("https://acme.example/directory");

        var error = Assert.Throws<AcmeException>(() => ServerUrlScheme.Check(new Uri(url), directory));

        Assert.Equal($"the ACME server at {directory} sent the URL '{url}': only https URLs are followed (RFC 8555 section 6.1)", error.Message);
        ServerUrlScheme.Check(new Uri("https://other-host.example:8443/cert/1"), directory);
    }

    [Fact]
    public async Task A_problem_of_megabytes_and_a_thousand_subproblems_is_quoted_short_with_its_control_characters_shown()
    {
        var detail = "\\u001b]0;pwned\\u0007\\u001b[2J" + new string('d', 1_000_000);
        var subproblems = string.Join(",", Enumerable.Range(0, 1000).Select(i =>
            $"{{\"type\":\"urn:ietf:params:acme:error:rejectedIdentifier\",\"detail\":\"no {i}\",\"identifier\":{{\"type\":\"dns\",\"value\":\"n{i}.example.org\"}}}}"));
        using var server = new FakeAcmeServer(request => request.Path == "/account"
            ? (201, "{\"status\":\"valid\"}", AccountCreated)
            : JwsRequest.Problem(400, "rejectedIdentifier", detail, $"\"subproblems\":[{subproblems}]"));
        var (client, account) = await RegisteredAsync(server);
        using var owned = client;

        var error = await Assert.ThrowsAsync<AcmeProblemException>(() => client.NewOrderAsync(account, [AcmeIdentifier.Dns("a.example.org")]));

        Assert.Equal(1000, error.Subproblems.Count);
        Assert.DoesNotContain(error.Message, char.IsControl);
        Assert.StartsWith("urn:ietf:params:acme:error:rejectedIdentifier (HTTP 400): \\u001b]0;pwned\\u0007\\u001b[2Jddd", error.Message);
        Assert.Contains("d... [n0.example.org: urn:ietf:params:acme:error:rejectedIdentifier: no 0; n1.example.org:", error.Message);
        Assert.EndsWith("n9.example.org: urn:ietf:params:acme:error:rejectedIdentifier: no 9; and 990 more]", error.Message);
        Assert.True(error.Message.Length < 3000, $"{error.Message.Length} characters");
    }
}
