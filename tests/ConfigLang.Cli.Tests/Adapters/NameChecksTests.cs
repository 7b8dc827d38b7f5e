using ConfigLang.Host;
using ConfigLang.Cli.Adapters;
using ConfigLang.Host.Checks;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Cli.Tests.Adapters;

/// <summary>The name checks (CL3007–CL3012) on hand-made resolved configurations: each fires on its
/// mistake and stays quiet on the correct form, including the tricky correct ones.</summary>
public sealed class NameChecksTests
{
    private const string VhostOption = "services.nginx.virtualHosts.\"www.example.org\".useACMEHost";

    private static CertFacts Cert(string name = "example.org", string? domain = null, string[]? extra = null, string? server = null,
        string? webroot = "/var/lib/acme/acme-challenge") =>
        new(name, domain ?? name, extra ?? [], webroot, null, null, null, null, "acme", null, new Dictionary<string, string>(), "", server);

    private static ConsumerFacts Consumer(string[] names, string cert = "example.org", string? option = VhostOption) =>
        new("nginx", cert, "nginx", "nginx", [], false, option, names);

    private static HostFacts Facts(CertFacts[] certs, ConsumerFacts[]? consumers = null) => new(certs, consumers ?? [], new Dictionary<string, UserFacts>(), new Dictionary<string, IReadOnlyList<string>>()) { Locator = new PathEchoLocator() };

    private static List<Diagnostic> Run(IHostCheck check, HostFacts facts) => check.Check(facts).ToList();

    private static string SpanText(Diagnostic diagnostic) => PathEchoLocator.OptionAt(diagnostic);

    // ---- CL3007: names not covered.

    [Fact]
    public void An_alias_missing_from_the_certificate_is_an_error_at_the_alias()
    {
        var facts = Facts([Cert(extra: ["www.example.org"])], [Consumer(["www.example.org", "shop.example.org"])]);
        var finding = Assert.Single(Run(new NameNotCoveredCheck(), facts));
        Assert.Equal(LintCodes.NameNotCovered, finding.Code);
        Assert.True(finding.IsError);
        Assert.Equal(VhostOption, finding.Subject);
        Assert.Contains("\"shop.example.org\"", finding.Message);
        Assert.Equal("services.nginx.virtualHosts.\"www.example.org\".serverAliases", SpanText(finding));
        Assert.Contains(finding.Notes, n => n.Contains("extraDomainNames", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("example.org", "a.b.example.org")]
    [InlineData("example.org", "other.org")]
    public void A_wildcard_does_not_cover_the_bare_domain_nor_two_levels(string domainOnCert, string served)
    {
        var facts = Facts([Cert(domain: domainOnCert, extra: ["*.example.org"])], [Consumer([served])]);
        Assert.Equal(LintCodes.NameNotCovered, Assert.Single(Run(new NameNotCoveredCheck(), facts)).Code);
        var bare = Facts([Cert(domain: "*.example.org")], [Consumer(["example.org"])]);
        Assert.Single(Run(new NameNotCoveredCheck(), bare));
    }

    [Theory]
    [InlineData("WWW.Example.ORG")]            // case
    [InlineData("www.example.org:8443")]       // a port in an httpd alias
    [InlineData("https://www.example.org")]    // a Caddy site address
    [InlineData("www.example.org.")]           // the absolute form
    [InlineData("_")]                          // nginx's catch-all
    [InlineData("~^www\\d+\\.example\\.org$")] // a regular expression
    [InlineData("localhost")]                  // a single label
    public void Covered_and_uncheckable_names_are_quiet(string served)
    {
        var facts = Facts([Cert(domain: "*.example.org")], [Consumer([served])]);
        Assert.Empty(Run(new NameNotCoveredCheck(), facts));
    }

    [Fact]
    public void An_nginx_dot_name_needs_the_domain_and_its_wildcard()
    {
        var both = Facts([Cert(extra: ["*.example.org"])], [Consumer([".example.org"])]);
        Assert.Empty(Run(new NameNotCoveredCheck(), both));
        var onlyDomain = Facts([Cert()], [Consumer([".example.org"])]);
        Assert.Contains("\"*.example.org\"", Assert.Single(Run(new NameNotCoveredCheck(), onlyDomain)).Message);
    }

    [Fact]
    public void A_unicode_name_is_covered_by_its_punycode_form()
    {
        var facts = Facts([Cert(extra: ["xn--bcher-kva.example.org"])], [Consumer(["bücher.example.org"])]);
        Assert.Empty(Run(new NameNotCoveredCheck(), facts));
    }

    [Fact]
    public void Consumers_without_names_or_of_unconfigured_certificates_are_not_checked()
    {
        var facts = Facts([Cert(), Cert("exmaple.org", webroot: null)],
            [Consumer([]), Consumer(["www.example.org"], cert: "exmaple.org"), Consumer(["shop.example.org"], cert: "missing.org")]);
        Assert.Empty(Run(new NameNotCoveredCheck(), facts));
    }

    [Fact]
    public void One_name_served_twice_is_reported_once()
    {
        var facts = Facts([Cert()], [Consumer(["shop.example.org"]), Consumer(["Shop.example.org"])]);
        Assert.Single(Run(new NameNotCoveredCheck(), facts));
    }

    // ---- CL3008: invalid names.

    [Fact]
    public void A_unicode_name_on_a_certificate_is_an_error_with_the_punycode_in_a_note()
    {
        var finding = Assert.Single(Run(new InvalidDomainNameCheck(), Facts([Cert(extra: ["bücher.example.org"])])));
        Assert.Equal(LintCodes.InvalidDomainName, finding.Code);
        Assert.True(finding.IsError);
        Assert.Equal("security.acme.certs.\"example.org\".extraDomainNames", finding.Subject);
        Assert.Contains("write \"xn--bcher-kva.example.org\" (the punycode form of \"bücher.example.org\")", finding.Notes);
        Assert.Equal("security.acme.certs.\"example.org\".extraDomainNames", SpanText(finding));
    }

    [Fact]
    public void Ip_addresses_and_bad_domains_are_errors_on_their_option()
    {
        var findings = Run(new InvalidDomainNameCheck(), Facts([Cert(domain: "192.0.2.1", extra: ["ok.example.org", "bad_name.example.org"])]));
        Assert.Equal(["security.acme.certs.\"example.org\".domain", "security.acme.certs.\"example.org\".extraDomainNames"], findings.Select(f => f.Subject));
    }

    [Fact]
    public void Valid_names_and_single_labels_for_a_private_ca_are_quiet()
    {
        Assert.Empty(Run(new InvalidDomainNameCheck(), Facts([Cert(domain: "*.example.org", extra: ["xn--bcher-kva.example.org", "A-1.Example.org"])])));
        Assert.Empty(Run(new InvalidDomainNameCheck(), Facts([Cert("intranet", server: "https://ca.internal/acme/directory")])));
        Assert.Single(Run(new InvalidDomainNameCheck(), Facts([Cert("intranet")])));
    }

    // ---- CL3009: staging mixed with production.

    [Fact]
    public void A_name_on_staging_and_production_warns_at_the_staging_server()
    {
        var facts = Facts([Cert(extra: ["www.example.org"], server: AcmeServers.LetsEncryptStaging), Cert("www", domain: "WWW.example.org")]);
        var finding = Assert.Single(Run(new StagingMixedWithProductionCheck(), facts));
        Assert.Equal(LintCodes.StagingMixedWithProduction, finding.Code);
        Assert.False(finding.IsError);
        Assert.Equal("security.acme.certs.\"example.org\".server", finding.Subject);
        Assert.Contains("\"www\"", finding.Message);
        Assert.Equal("security.acme.certs.\"example.org\".server", SpanText(finding));
    }

    [Fact]
    public void Staging_alone_different_names_or_another_ca_are_quiet()
    {
        Assert.Empty(Run(new StagingMixedWithProductionCheck(), Facts([Cert(server: AcmeServers.LetsEncryptStaging), Cert("www.example.org")])));
        Assert.Empty(Run(new StagingMixedWithProductionCheck(), Facts([Cert(server: AcmeServers.LetsEncryptStaging), Cert("b", domain: "example.org", server: "https://acme.zerossl.com/v2/DV90")])));
        Assert.Empty(Run(new StagingMixedWithProductionCheck(), Facts([Cert(server: AcmeServers.LetsEncryptStaging), Cert("b", domain: "example.org", server: AcmeServers.LetsEncryptStaging)])));
    }

    // ---- CL3010: more than 100 names.

    private static string[] Names(int count, string prefix = "host") => [.. Enumerable.Range(1, count).Select(i => $"{prefix}{i}.example.org")];

    [Fact]
    public void More_than_100_names_on_a_lets_encrypt_certificate_warn()
    {
        var finding = Assert.Single(Run(new TooManyNamesCheck(), Facts([Cert(extra: Names(100))])));
        Assert.Equal(LintCodes.TooManyNamesOnCertificate, finding.Code);
        Assert.Contains("101 names", finding.Message);
    }

    [Fact]
    public void One_hundred_names_duplicates_or_another_ca_are_quiet()
    {
        Assert.Empty(Run(new TooManyNamesCheck(), Facts([Cert(extra: Names(99))])));
        Assert.Empty(Run(new TooManyNamesCheck(), Facts([Cert(extra: [.. Names(99), "HOST1.example.org"])])));
        Assert.Empty(Run(new TooManyNamesCheck(), Facts([Cert(extra: Names(150), server: AcmeServers.LetsEncryptStaging)])));
    }

    // ---- CL3011: more than 50 certificates per registered domain.

    private static CertFacts[] Certs(int count, string suffix, string? server = null) =>
        [.. Enumerable.Range(1, count).Select(i => Cert($"site{i:00}.{suffix}", server: server))];

    [Fact]
    public void The_51st_certificate_under_one_registered_domain_warns()
    {
        var finding = Assert.Single(Run(new TooManyCertificatesPerDomainCheck(), Facts(Certs(51, "example.org"))));
        Assert.Equal(LintCodes.TooManyCertificatesPerDomain, finding.Code);
        Assert.Contains("under example.org", finding.Message);
        Assert.Equal("security.acme.certs.\"site51.example.org\"", finding.Subject);
    }

    [Fact]
    public void Fifty_certificates_separate_registered_domains_and_staging_are_quiet()
    {
        Assert.Empty(Run(new TooManyCertificatesPerDomainCheck(), Facts(Certs(50, "example.org"))));
        // Under co.uk each customer's domain is its own registered domain.
        Assert.Empty(Run(new TooManyCertificatesPerDomainCheck(), Facts([.. Enumerable.Range(1, 60).Select(i => Cert($"shop{i}.co.uk"))])));
        Assert.Empty(Run(new TooManyCertificatesPerDomainCheck(), Facts([.. Certs(50, "example.org"), .. Certs(10, "example.org", AcmeServers.LetsEncryptStaging).Select(c => c with { Name = "t" + c.Name, Domain = "t" + c.Domain })])));
    }

    // ---- CL3012: duplicate certificates.

    [Fact]
    public void The_same_names_in_another_order_and_case_warn_naming_both()
    {
        var facts = Facts([Cert(extra: ["www.example.org"]), Cert("www.example.org", extra: ["EXAMPLE.org"])]);
        var finding = Assert.Single(Run(new DuplicateCertificateCheck(), facts));
        Assert.Equal(LintCodes.DuplicateCertificate, finding.Code);
        Assert.Contains("\"example.org\" and \"www.example.org\"", finding.Message);
        Assert.Equal("security.acme.certs.\"www.example.org\"", finding.Subject);
    }

    [Fact]
    public void A_subset_or_a_staging_twin_is_not_a_duplicate()
    {
        Assert.Empty(Run(new DuplicateCertificateCheck(), Facts([Cert(extra: ["www.example.org"]), Cert("www.example.org")])));
        Assert.Empty(Run(new DuplicateCertificateCheck(), Facts([Cert(), Cert("test", domain: "example.org", server: AcmeServers.LetsEncryptStaging)])));
    }
}
