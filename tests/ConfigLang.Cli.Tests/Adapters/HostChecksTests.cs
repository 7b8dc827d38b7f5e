using ConfigLang.Host;
using ConfigLang.Cli.Adapters;
using ConfigLang.Host.Checks;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Cli.Tests.Adapters;

/// <summary>The C# lint checks on hand-made resolved configurations: each fires on its mistake and stays quiet otherwise.</summary>
public sealed class HostChecksTests
{

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
        var findings = new KeyReadabilityCheck().Check(Facts([Cert()], [Consumer()])).ToList();
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
        Assert.Empty(new KeyReadabilityCheck().Check(Facts([cert], [consumer], users, groups)));
    }

    [Fact]
    public void Unknown_acme_host_suggests_the_closest_configured_certificate()
    {
        var option = "services.nginx.virtualHosts.\"example.org\".useACMEHost";
        var facts = Facts([Cert(), Cert("exmaple.org", webroot: null)], [Consumer(cert: "exmaple.org", option: option)]);
        var finding = Assert.Single(new UnknownAcmeHostCheck().Check(facts));
        Assert.Equal(LintCodes.UnknownAcmeHost, finding.Code);
        Assert.Contains("did you mean \"example.org\"?", finding.Notes);
    }

    [Fact]
    public void Unknown_acme_host_is_quiet_for_a_configured_certificate()
    {
        var facts = Facts([Cert()], [Consumer(option: "services.nginx.virtualHosts.\"example.org\".useACMEHost")]);
        Assert.Empty(new UnknownAcmeHostCheck().Check(facts));
    }

    [Fact]
    public void Credentials_in_the_store_fire_and_elsewhere_are_quiet()
    {
        var store = new CredentialsInStoreCheck().Check(Facts([Cert(environmentFile: "/nix/store/abc-creds")], [])).ToList();
        Assert.Equal(LintCodes.CredentialsInStore, Assert.Single(store).Code);
        Assert.Empty(new CredentialsInStoreCheck().Check(Facts([Cert(environmentFile: "/run/secrets/creds")], [])));
    }
}
