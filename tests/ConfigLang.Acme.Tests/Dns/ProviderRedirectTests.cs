using System.Net;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Protocol;
using ConfigLang.Acme.Tests.Testbed;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// The DNS providers' HTTP client (<see cref="DnsProviderRegistry.CreateDefault"/>'s)
/// follows redirects within the API's origin only: its credentials ride in headers and bodies that
/// .NET would carry to any server a redirect names.
/// </summary>
public sealed class ProviderRedirectTests
{
    private const string Key = "pdns-key-s3cr3t-0123";

    [Fact]
    public async Task A_redirect_to_another_server_is_not_followed_and_the_error_says_where_it_led()
    {
        using var elsewhere = new FakeHttpServer(_ => (200, "{}", null));
        using var api = new FakeHttpServer(request => (302, "", new Dictionary<string, string> { ["Location"] = new Uri(elsewhere.BaseUrl, "/login?next=" + request.PathAndQuery).AbsoluteUri }));
        var provider = DnsProviderRegistry.CreateDefault(TimeSpan.FromSeconds(10)).Get(PdnsDnsProvider.ProviderName)
            .Create(new ProviderCredentials(new Dictionary<string, string> { ["PDNS_API_URL"] = api.BaseUrl.AbsoluteUri, ["PDNS_API_KEY"] = Key }));

        var error = await Assert.ThrowsAnyAsync<DnsProviderException>(() => provider.PresentAsync(Challenge(), default));

        Assert.Empty(elsewhere.Requests);
        Assert.Equal(Key, Assert.Single(api.Requests).Header("X-API-Key"));
        Assert.Contains($"it redirects to {elsewhere.BaseUrl.GetLeftPart(UriPartial.Authority)}, which is not followed: the request's credentials would go there too", error.Message);
    }

    [Fact]
    public async Task A_redirect_within_the_same_server_is_followed_keeping_method_headers_and_body()
    {
        using var api = new FakeHttpServer(request => request.PathAndQuery == "/old"
            ? (307, "", new Dictionary<string, string> { ["Location"] = "/new" })
            : (200, $"{{\"got\":\"{request.Method} {request.Header("X-API-Key")} {request.Body}\"}}", null));
        using var http = AcmeHttp.CreateClient(timeout: TimeSpan.FromSeconds(10), sameOriginRedirectsOnly: true);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(api.BaseUrl, "/old")) { Content = new StringContent("payload") };
        request.Headers.Add("X-API-Key", Key);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{{\"got\":\"POST {Key} payload\"}}", await response.Content.ReadAsStringAsync());
        Assert.Equal(["/old", "/new"], api.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task A_redirect_loop_within_the_server_ends_after_a_few_hops()
    {
        using var api = new FakeHttpServer(_ => (302, "", new Dictionary<string, string> { ["Location"] = "/again" }));
        using var http = AcmeHttp.CreateClient(timeout: TimeSpan.FromSeconds(10), sameOriginRedirectsOnly: true);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(api.BaseUrl, "/start")));

        Assert.Equal($"it redirects more than {SameOriginRedirectHandler.MaxRedirects} times", error.Message);
        Assert.Equal(1 + SameOriginRedirectHandler.MaxRedirects, api.Requests.Count);
    }
}
