using System.Security.Cryptography;
using ConfigLang.Acme.Dns;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>The SigV4 signer against AWS's published signature test suite (example keys, 2015-08-30T12:36:00Z).</summary>
public sealed class AwsSigV4Tests
{
    private static readonly AwsCredentials Example = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    private static string Sign(string url) => AwsSigV4.Authorization("GET", new Uri(url),
        new Dictionary<string, string> { ["host"] = "example.amazonaws.com", ["x-amz-date"] = "20150830T123600Z" }, [], Example, "us-east-1", "service");

    [Fact]
    public void Get_vanilla()
    {
        Assert.Equal("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, " +
            "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", Sign("https://example.amazonaws.com/"));
    }

    [Fact]
    public void Get_vanilla_query_order_key_case_sorts_the_query()
    {
        Assert.EndsWith("Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500", Sign("https://example.amazonaws.com/?Param2=value2&Param1=value1"));
    }

    [Fact]
    public void Signing_a_request_adds_the_date_the_token_and_the_authorization_over_them()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://route53.amazonaws.com/2013-04-01/hostedzone/Z1/rrset");
        var payload = "<x/>"u8.ToArray();
        var credentials = Example with { SessionToken = "session-token-1" };

        AwsSigV4.Sign(request, payload, credentials, "us-east-1", "route53", new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero));

        Assert.Equal("20150830T123600Z", request.Headers.GetValues("X-Amz-Date").Single());
        Assert.Equal("session-token-1", request.Headers.GetValues("X-Amz-Security-Token").Single());
        var authorization = request.Headers.GetValues("Authorization").Single();
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/route53/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=", authorization);
        // The same inputs sign the same; another payload does not.
        var headers = new Dictionary<string, string> { ["host"] = "route53.amazonaws.com", ["x-amz-date"] = "20150830T123600Z", ["x-amz-security-token"] = "session-token-1" };
        Assert.Equal(authorization, AwsSigV4.Authorization("POST", request.RequestUri!, headers, payload, credentials, "us-east-1", "route53"));
        Assert.NotEqual(authorization, AwsSigV4.Authorization("POST", request.RequestUri!, headers, "<y/>"u8, credentials, "us-east-1", "route53"));
        Assert.DoesNotContain(Example.SecretAccessKey, authorization);
    }
}
