using ConfigLang.Cli.Adapters;
using ConfigLang.Cli.Adapters.Checks;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Cli.Tests.Adapters;

/// <summary>The C# lint checks on hand-made resolved configurations: each fires on its mistake and stays quiet otherwise.</summary>
public sealed class HostChecksTests
{
    private static readonly HostSources Host = HostSources.Single(new SourceText("{ security.acme.certs.\"example.org\".group = \"acme\"; }\n", "/hosts/web.nix"));

    private static CertFacts Cert(string name = "example.org", string? domain = null, string? webroot = "/var/lib/acme/acme-challenge",
        string? dnsProvider = null, string group = "acme", string? environmentFile = null, string postRun = "") =>
        new(name, domain ?? name, [], webroot, dnsProvider, null, null, null, group, environmentFile, new Dictionary<string, string>(), postRun);

    private static ConsumerFacts Consumer(string user = "nginx", string cert = "example.org", string? group = "nginx",
        bool viaCredentials = false, string[]? supplementary = null, string? option = null) =>
        new(user, cert, user, group, supplementary ?? [], viaCredentials, option);

    private static HostFacts Facts(CertFacts[] certs, ConsumerFacts[] consumers, UserFacts[]? users = null, Dictionary<string, IReadOnlyList<string>>? groups = null) =>
        new(certs, consumers, (users ?? []).ToDictionary(u => u.Name), groups ?? []);

    [Fact]
    public void Key_readability_fires_when_no_group_connects_the_service()
    {
        var findings = new KeyReadabilityCheck().Check(Facts([Cert()], [Consumer()]), Host).ToList();
        Assert.Equal(LintCodes.KeyNotReadable, Assert.Single(findings).Code);
    }

    [Theory]
    [InlineData("primary")]
    [InlineData("supplementary")]
    [InlineData("member")]
    [InlineData("extraGroups")]
    [InlineData("credentials")]
    [InlineData("root")]
    [InlineData("acl")]
    public void Key_readability_is_quiet_for_each_way_to_read(string way)
    {
        var cert = Cert(postRun: way == "acl" ? "setfacl -m u:nginx:r /var/lib/acme/example.org/*.pem" : "");
        var consumer = way switch
        {
            "primary" => Consumer(group: "acme"),
            "supplementary" => Consumer(supplementary: ["acme"]),
            "credentials" => Consumer(viaCredentials: true),
            "root" => Consumer(user: "root", group: null),
            _ => Consumer(),
        };
        var users = way == "extraGroups" ? new[] { new UserFacts("nginx", "nginx", ["acme"]) } : null;
        var groups = way == "member" ? new Dictionary<string, IReadOnlyList<string>> { ["acme"] = ["nginx"] } : null;
        Assert.Empty(new KeyReadabilityCheck().Check(Facts([cert], [consumer], users, groups), Host));
    }

    [Fact]
    public void Unknown_acme_host_suggests_the_closest_configured_certificate()
    {
        var option = "services.nginx.virtualHosts.\"example.org\".useACMEHost";
        var facts = Facts([Cert(), Cert("exmaple.org", webroot: null)], [Consumer(cert: "exmaple.org", option: option)]);
        var finding = Assert.Single(new UnknownAcmeHostCheck().Check(facts, Host));
        Assert.Equal(LintCodes.UnknownAcmeHost, finding.Code);
        Assert.Contains("did you mean \"example.org\"?", finding.Notes);
    }

    [Fact]
    public void Unknown_acme_host_is_quiet_for_a_configured_certificate()
    {
        var facts = Facts([Cert()], [Consumer(option: "services.nginx.virtualHosts.\"example.org\".useACMEHost")]);
        Assert.Empty(new UnknownAcmeHostCheck().Check(facts, Host));
    }

    [Fact]
    public void Wildcard_over_http01_fires_and_over_dns01_is_quiet()
    {
        var http = new WildcardNeedsDns01Check().Check(Facts([Cert(domain: "*.example.org")], []), Host).ToList();
        Assert.Equal(LintCodes.WildcardWithoutDns01, Assert.Single(http).Code);
        Assert.Empty(new WildcardNeedsDns01Check().Check(Facts([Cert(domain: "*.example.org", webroot: null, dnsProvider: "cloudflare")], []), Host));
    }

    [Fact]
    public void Credentials_in_the_store_fire_and_elsewhere_are_quiet()
    {
        var store = new CredentialsInStoreCheck().Check(Facts([Cert(environmentFile: "/nix/store/abc-creds")], []), Host).ToList();
        Assert.Equal(LintCodes.CredentialsInStore, Assert.Single(store).Code);
        Assert.Empty(new CredentialsInStoreCheck().Check(Facts([Cert(environmentFile: "/run/secrets/creds")], []), Host));
    }

    [Fact]
    public void Spans_prefer_the_named_certificate_block()
    {
        var source = new SourceText("{\n  certs.\"a.org\".webroot = \"/w\";\n  certs.\"b.org\".webroot = \"/w\";\n}\n", "/h.nix");
        var location = HostSources.Single(source).Find(SourceSpanFinder.CandidatesOf("`security.acme.certs.\"b.org\".webroot' is wrong"));
        Assert.Equal(3, location.Start.Line);
        Assert.Equal("webroot", source.Text.Substring(location.Span.Start, location.Span.Length));
    }

    [Fact]
    public void Spans_point_at_the_most_specific_name_outside_comments()
    {
        var source = new SourceText("# group here is a comment\n{ x.group = 1; }\n", "/h.nix");
        var location = HostSources.Single(source).Find(SourceSpanFinder.CandidatesOf("`security.acme.certs.\"a\".group' is wrong"));
        Assert.Equal(2, location.Start.Line);
        Assert.Equal(5, location.Start.Column);
    }

    [Fact]
    public void Spans_never_take_a_neighbouring_certificates_option_for_the_named_ones()
    {
        var source = new SourceText(
            "{\n  certs.\"a.org\" = {\n    webroot = \"/w\";\n  };\n  certs.\"b.org\".group = \"nginx\";\n  certs.\"b.org\" = { dnsProvider = \"x\"; };\n}\n", "/h.nix");
        string At(string message)
        {
            var location = HostSources.Single(source).Find(SourceSpanFinder.CandidatesOf(message));
            return $"{location.Start.Line}:{source.Text.Substring(location.Span.Start, location.Span.Length)}";
        }

        // b.org sets no webroot: its name is the place, not a.org's webroot above it.
        Assert.Equal("5:\"b.org\"", At("`security.acme.certs.\"b.org\".webroot' is required"));
        // Its second binding holds its dnsProvider.
        Assert.Equal("6:dnsProvider", At("`security.acme.certs.\"b.org\".dnsProvider' is wrong"));
    }

    [Fact]
    public void Spans_of_an_option_a_certificate_inherits_point_at_the_defaults()
    {
        var source = new SourceText("{\n  defaults = { email = \"a@b.c\"; };\n  certs.\"a.org\".webroot = \"/w\";\n}\n", "/h.nix");
        var location = HostSources.Single(source).Find(SourceSpanFinder.CandidatesOf("`security.acme.certs.\"a.org\".email' is wrong"));
        Assert.Equal((2, "email"), (location.Start.Line, source.Text.Substring(location.Span.Start, location.Span.Length)));
    }

    [Fact]
    public void Mutually_exclusive_options_are_labelled_in_the_block_of_the_conflict()
    {
        var source = new SourceText(
            "{\n  a = { forceSSL = true; };\n  b = {\n    forceSSL = true;\n    addSSL = true;\n  };\n}\n", "/h.nix");
        var found = SourceSpanFinder.FindMutuallyExclusive([source],
            "Options services.nginx.virtualHosts.<name>.addSSL,\nservices.nginx.virtualHosts.<name>.forceSSL are mutually exclusive.");

        var (conflicting, earlier) = found!.Value;
        Assert.Equal(5, conflicting.Start.Line);
        Assert.Equal(4, Assert.Single(earlier).Start.Line);
    }
}
