using ConfigLang.Host;
using ConfigLang.Host.Checks;

namespace ConfigLang.Cli.Tests.Adapters;

/// <summary>DNS names as the CA reads them: validity, wildcard coverage, the names a server setting stands for, registered domains.</summary>
public sealed class DnsNameTests
{
    [Theory]
    [InlineData("example.org")]
    [InlineData("*.example.org")]
    [InlineData("a-b.x1.example.org")]
    [InlineData("xn--bcher-kva.example.org")]
    [InlineData("EXAMPLE.org")]
    public void Valid_names_have_no_problem(string name) => Assert.Null(DnsName.Validate(name, publicCa: true));

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("192.0.2.1", "IP address")]
    [InlineData("2001:db8::1", "IP address")]
    [InlineData("example.org.", "ends with a dot")]
    [InlineData("under_score.example.org", "'_'")]
    [InlineData("-start.example.org", "starting or ending with '-'")]
    [InlineData("end-.example.org", "starting or ending with '-'")]
    [InlineData("a..example.org", "empty label")]
    [InlineData("www.*.example.org", "not the whole leftmost label")]
    [InlineData("w*.example.org", "not the whole leftmost label")]
    [InlineData("localhost", "single label")]
    [InlineData("*.org", "wildcard over a single label")]
    [InlineData("xn--a.example.org", "not valid punycode")]
    [InlineData("xn--ab-.example.org", "starting or ending")]
    [InlineData("xn--abc.example.org", "not valid punycode")]
    public void Invalid_names_say_why(string name, string reason)
    {
        var problem = DnsName.Validate(name, publicCa: true);
        Assert.NotNull(problem);
        Assert.Contains(reason, problem.Reason);
    }

    [Fact]
    public void Lengths_are_limited_per_label_and_in_total()
    {
        Assert.Null(DnsName.Validate(new string('a', 63) + ".example.org", true));
        Assert.Contains("at most 63", DnsName.Validate(new string('a', 64) + ".example.org", true)!.Reason);
        var long254 = string.Join('.', Enumerable.Repeat(new string('a', 50), 5)) + ".abc"; // 5*51 + 3 = 258
        Assert.Contains("at most 253", DnsName.Validate(long254, true)!.Reason);
    }

    [Fact]
    public void Single_label_names_are_fine_for_a_private_ca()
    {
        Assert.Null(DnsName.Validate("localhost", publicCa: false));
        Assert.NotNull(DnsName.Validate("localhost", publicCa: true));
    }

    [Fact]
    public void An_idn_in_unicode_gets_its_punycode_form()
    {
        var problem = DnsName.Validate("bücher.example.org", publicCa: true);
        Assert.Contains("punycode", problem!.Reason);
        Assert.Equal("xn--bcher-kva.example.org", problem.Suggestion);
    }

    [Theory]
    [InlineData("www.example.org", "www.example.org", true)]
    [InlineData("WWW.Example.ORG", "www.example.org", true)]
    [InlineData("*.example.org", "www.example.org", true)]
    [InlineData("*.EXAMPLE.org", "Www.example.org.", true)]
    [InlineData("*.example.org", "example.org", false)]
    [InlineData("*.example.org", "a.b.example.org", false)]
    [InlineData("*.example.org", "*.example.org", true)]
    [InlineData("www.example.org", "*.example.org", false)]
    [InlineData("example.org", "www.example.org", false)]
    [InlineData("xn--bcher-kva.example.org", "bücher.example.org", true)]
    [InlineData("*.example.org", "wwwexample.org", false)]
    public void Coverage_follows_the_ca(string certName, string served, bool covered) =>
        Assert.Equal(covered, DnsName.Covers(certName, served));

    [Theory]
    [InlineData("example.org", "example.org")]
    [InlineData("www.example.org:8080", "www.example.org")]
    [InlineData("https://shop.example.org:443/path", "shop.example.org")]
    [InlineData("a.example.org, b.example.org", "a.example.org|b.example.org")]
    [InlineData(".example.org", "example.org|*.example.org")]
    [InlineData("*.example.org", "*.example.org")]
    [InlineData("_", "")]
    [InlineData("~^www\\d+\\.example\\.org$", "")]
    [InlineData("www.example.*", "")]
    [InlineData("localhost", "")]
    [InlineData("default", "")]
    [InlineData("192.0.2.1", "")]
    [InlineData("http://plain.example.org", "")]
    [InlineData("example.org_80", "")]
    [InlineData("bücher.example.org", "bücher.example.org")]
    public void Served_names_are_read_from_server_settings(string written, string expected) =>
        Assert.Equal(expected, string.Join('|', RequiredTlsNames.Of(written)));

    [Theory]
    [InlineData("www.example.org", "example.org")]
    [InlineData("*.example.org", "example.org")]
    [InlineData("example.org", "example.org")]
    [InlineData("a.b.shop.example.co.uk", "example.co.uk")]
    [InlineData("alice.github.io", "alice.github.io")]
    [InlineData("www.Alice.GitHub.io", "alice.github.io")]
    [InlineData("co.uk", "co.uk")]
    public void Registered_domains_use_the_known_multi_label_suffixes(string name, string registered) =>
        Assert.Equal(registered, RegisteredDomains.Of(name));

    [Theory]
    [InlineData(null, true, false, true)]
    [InlineData(AcmeServers.LetsEncryptProduction, true, false, true)]
    [InlineData(AcmeServers.LetsEncryptStaging, false, true, true)]
    [InlineData("https://acme.zerossl.com/v2/DV90", false, false, true)]
    [InlineData("https://ca.internal:9000/acme/acme/directory", false, false, false)]
    public void Servers_are_classified_by_their_host(string? server, bool production, bool staging, bool publicCa)
    {
        Assert.Equal(production, AcmeServers.IsLetsEncryptProduction(server));
        Assert.Equal(staging, AcmeServers.IsLetsEncryptStaging(server));
        Assert.Equal(publicCa, AcmeServers.IsPublicCa(server));
    }

    [Theory]
    [InlineData("Example.ORG.", "example.org")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    [InlineData("*.Bücher.example", "*.xn--bcher-kva.example")]
    [InlineData("Bü..Cher", "bü..cher")] // an empty label: no ASCII form, only trimmed and lowered
    public void Names_are_compared_in_the_form_of_the_ACME_identifiers(string written, string canonical)
    {
        Assert.Equal(canonical, DnsName.Canonical(written));
    }
}
