using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Protocol;

namespace ConfigLang.Acme.Tests.Credentials;

/// <summary>Credentials inside URLs never reach a message, registered or not.</summary>
public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("POST http://u:pw@host/hook failed", "POST http://u:***@host/hook failed")]
    [InlineData("see https://user:p%40ss:w@ca.example:8443/dir?x=1", "see https://user:***@ca.example:8443/dir?x=1")]
    [InlineData("raw @ in the password: http://u:p@ss@host/", "raw @ in the password: http://u:***@host/")]
    [InlineData("a token as user: https://0123abcd@api.example/v1", "a token as user: https://***@api.example/v1")]
    [InlineData("two: http://a:1@x/ and ftp://b:2@y", "two: http://a:***@x/ and ftp://b:***@y")]
    [InlineData("no user info: https://example.org/path?mail=a@b.org", "no user info: https://example.org/path?mail=a@b.org")]
    [InlineData("mailto:admin@example.org", "mailto:admin@example.org")]
    public void Url_passwords_are_masked_and_nothing_else_is(string text, string expected) =>
        Assert.Equal(expected, SecretRedactor.RedactUrlCredentials(text));

    [Fact]
    public void Every_acme_error_message_is_cleaned_of_url_passwords()
    {
        Assert.Equal("cannot reach http://u:***@host/dir", new AcmeException("cannot reach http://u:pw@host/dir").Message);
        Assert.Equal("httpreq: http://u:***@host/hook answered 500", new DnsProviderException("httpreq", "http://u:pw@host/hook answered 500").Message);
    }

    [Fact]
    public void A_password_in_any_url_valued_credential_is_masked_also_where_a_server_echoes_it_alone()
    {
        var credentials = new ProviderCredentials(new Dictionary<string, string>
        {
            ["HTTPREQ_ENDPOINT"] = "http://acme:c0rrect%2Fhorse@dns.example/hook",
            ["EXAMPLE_BASE_URL"] = "https://bot:battery-staple@api.example/",
        });

        var redacted = credentials.Redactor.Redact("login acme/c0rrect/horse refused; bot/battery-staple refused; encoded c0rrect%2Fhorse");

        Assert.DoesNotContain("c0rrect", redacted);
        Assert.DoesNotContain("battery-staple", redacted);
    }
}
