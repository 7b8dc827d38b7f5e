using ConfigLang.Host;
using ConfigLang.Cli.Adapters;
using ConfigLang.Host.Checks;
using ConfigLang.Cli.Composition;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Text;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigLang.Cli.Tests.Adapters;

/// <summary>
/// CL3014 (port 80 closed for HTTP-01) and CL3015 (webroot not served): on hand-made facts, and
/// through the linter on host files, so the facts the Nix side extracts (firewall ranges and
/// interfaces, nginx locations, httpd's ACME alias) are covered too.
/// </summary>
public sealed class ChallengeReachabilityChecksTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("configlang-reach-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static CertFacts Cert(string name = "example.org", string? webroot = "/var/lib/acme/acme-challenge", string? listenHttp = null, string? dnsProvider = null, string? listenTls = null) =>
        new(name, name, [], webroot, dnsProvider, listenHttp, listenTls, null, "acme", null, new Dictionary<string, string>(), "");

    private static readonly FirewallFacts Only80 = new(true, [80], []);

    private static HostFacts Facts(CertFacts[] certs, FirewallFacts firewall, params WebVirtualHostFacts[] vhosts) =>
        new(certs, [], new Dictionary<string, UserFacts>(), new Dictionary<string, IReadOnlyList<string>>()) { Firewall = firewall, WebVirtualHosts = vhosts, Locator = new PathEchoLocator() };

    private static readonly FirewallFacts Only443 = new(true, [443], []);

    private static WebVirtualHostFacts Nginx(params WebLocationFacts[] locations) => new("nginx", "example.org", null, "", locations);

    private static WebLocationFacts Location(string match, string? root = null, string? alias = null) => new(match, root, alias, "");

    // ---- CL3014 ----

    [Fact]
    public void Http01_with_port_80_closed_is_one_error_naming_the_certificates()
    {
        var certs = Enumerable.Range(1, 5).Select(i => Cert($"c{i}.example.org")).ToArray();
        var finding = Assert.Single(new Http01PortClosedCheck().Check(Facts(certs, Only443)));
        Assert.Equal(LintCodes.Http01PortClosed, finding.Code);
        Assert.True(finding.IsError);
        Assert.Contains("\"c1.example.org\", \"c2.example.org\", \"c3.example.org\" and 2 more", finding.Message);
        Assert.Equal("networking.firewall.allowedTCPPorts", finding.Subject);
        Assert.Equal("networking.firewall.allowedTCPPorts", PathEchoLocator.OptionAt(finding));
    }

    [Theory]
    [InlineData(":80")]
    [InlineData("0.0.0.0:80")]
    [InlineData("[::]:80")]
    public void A_listener_of_lego_on_port_80_needs_the_port_too(string listen)
    {
        Assert.Single(new Http01PortClosedCheck().Check(Facts([Cert(webroot: null, listenHttp: listen)], Only443)));
    }

    [Theory]
    [InlineData("open port")]
    [InlineData("range")]
    [InlineData("firewall off")]
    [InlineData("listener behind a proxy")]
    [InlineData("dns-01")]
    public void Http01_is_quiet_when_port_80_is_reachable_or_not_needed(string way)
    {
        var firewall = way switch
        {
            "open port" => new FirewallFacts(true, [443, 80], []),
            "range" => new FirewallFacts(true, [], [(79, 443)]),
            "firewall off" => new FirewallFacts(false, [], []),
            _ => Only443,
        };
        var cert = way switch
        {
            "listener behind a proxy" => Cert(webroot: null, listenHttp: ":8080"),
            "dns-01" => Cert(webroot: null, dnsProvider: "cloudflare"),
            _ => Cert(),
        };
        Assert.Empty(new Http01PortClosedCheck().Check(Facts([cert], firewall)));
    }

    // ---- CL3016 ----

    [Theory]
    [InlineData(":443")]
    [InlineData("0.0.0.0:443")]
    [InlineData("[::]:443")]
    public void TlsAlpn01_with_port_443_closed_is_one_error_naming_the_certificates(string listen)
    {
        var certs = Enumerable.Range(1, 4).Select(i => Cert($"c{i}.example.org", webroot: null, listenTls: listen)).ToArray();
        var finding = Assert.Single(new TlsAlpn01PortClosedCheck().Check(Facts(certs, Only80)));
        Assert.Equal(LintCodes.TlsAlpn01PortClosed, finding.Code);
        Assert.True(finding.IsError);
        Assert.Contains("\"c1.example.org\", \"c2.example.org\", \"c3.example.org\" and 1 more", finding.Message);
        Assert.Equal("networking.firewall.allowedTCPPorts", finding.Subject);
    }

    [Theory]
    [InlineData("open port")]
    [InlineData("range")]
    [InlineData("interface-free firewall off")]
    [InlineData("listener behind a proxy")]
    [InlineData("dns-01")]
    [InlineData("http-01")]
    public void TlsAlpn01_is_quiet_when_port_443_is_reachable_or_not_needed(string way)
    {
        var firewall = way switch
        {
            "open port" => new FirewallFacts(true, [80, 443], []),
            "range" => new FirewallFacts(true, [], [(400, 500)]),
            "interface-free firewall off" => new FirewallFacts(false, [], []),
            _ => Only80,
        };
        var cert = way switch
        {
            "listener behind a proxy" => Cert(webroot: null, listenTls: ":8443"),
            "dns-01" => Cert(webroot: null, dnsProvider: "cloudflare", listenTls: ":443"),
            "http-01" => Cert(),
            _ => Cert(webroot: null, listenTls: ":443"),
        };
        Assert.Empty(new TlsAlpn01PortClosedCheck().Check(Facts([cert], firewall)));
    }

    // ---- CL3015 ----

    private static WebVirtualHostFacts Vhost(string name, IReadOnlyList<string> names, params WebLocationFacts[] locations) =>
        new("nginx", name, null, "", locations, names);

    private static readonly WebLocationFacts ServesDefaultWebroot = Location("/.well-known/acme-challenge/", root: "/var/lib/acme/acme-challenge");

    [Fact]
    public void A_webroot_served_only_by_another_virtual_host_than_the_one_answering_the_name_fires()
    {
        var facts = Facts([Cert("app.example.org")], Only443,
            Vhost("app", ["app.example.org"]),
            Vhost("static", ["static.example.org"], ServesDefaultWebroot));
        var finding = Assert.Single(new WebrootNotServedCheck().Check(facts));
        Assert.Contains("the nginx virtual host \"app\" answers app.example.org and does not serve it", finding.Message);
    }

    [Theory]
    [InlineData("www.example.org")]   // an alias of the serving virtual host
    [InlineData("*.example.org")]     // a wildcard server name covering the certificate's name
    [InlineData(".example.org")]      // nginx's name for the domain and its subdomains
    public void A_webroot_served_by_the_virtual_host_answering_the_name_is_quiet(string written)
    {
        var facts = Facts([Cert("www.example.org")], Only443,
            Vhost("other", ["other.example.org"]),
            Vhost("site", ["example.org", written], ServesDefaultWebroot));
        Assert.Empty(new WebrootNotServedCheck().Check(facts));
    }

    [Fact]
    public void A_name_no_virtual_host_answers_may_reach_any_serving_one_as_the_default_server()
    {
        var facts = Facts([Cert("unlisted.example.org")], Only443,
            Vhost("a", ["a.example.org"]),
            Vhost("b", ["b.example.org"], ServesDefaultWebroot));
        Assert.Empty(new WebrootNotServedCheck().Check(facts));
    }

    [Fact]
    public void A_webroot_no_virtual_host_serves_is_an_error_with_the_location_to_add()
    {
        var facts = Facts([Cert(webroot: "/srv/acme")], Only443, Nginx(Location("^~ /.well-known/acme-challenge/", root: "/var/lib/acme/acme-challenge")));
        var finding = Assert.Single(new WebrootNotServedCheck().Check(facts));
        Assert.Equal(LintCodes.WebrootNotServed, finding.Code);
        Assert.True(finding.IsError);
        Assert.Contains("/srv/acme", finding.Message);
        Assert.Contains(finding.Notes, n => n.Contains("locations.\"/.well-known/acme-challenge/\".root = \"/srv/acme\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_webroot_without_any_web_server_is_reported_once_for_all_its_certificates()
    {
        var facts = Facts([Cert("a.org"), Cert("b.org")], Only443);
        var finding = Assert.Single(new WebrootNotServedCheck().Check(facts));
        Assert.Contains("certificates \"a.org\", \"b.org\"", finding.Message);
        Assert.Contains("no web server is enabled", finding.Message);
    }

    [Theory]
    [InlineData("^~ /.well-known/acme-challenge/", "/var/lib/acme/acme-challenge", null)]
    [InlineData("/.well-known/", "/var/lib/acme/acme-challenge/", null)]
    [InlineData("/", "/var/lib/acme/acme-challenge", null)]
    [InlineData("/.well-known/acme-challenge/", null, "/var/lib/acme/acme-challenge/.well-known/acme-challenge/")]
    [InlineData("/.well-known", null, "/var/lib/acme/acme-challenge/.well-known")]
    [InlineData("~ ^/\\.well-known/acme-challenge/", "/var/lib/acme/acme-challenge", null)]
    public void A_location_serving_the_webroot_is_quiet(string match, string? root, string? alias)
    {
        var facts = Facts([Cert()], Only443, Nginx(Location(match, root, alias)));
        Assert.Empty(new WebrootNotServedCheck().Check(facts));
    }

    [Theory]
    [InlineData("/.well-known/acme-challenge/", null, "/var/lib/acme/acme-challenge/")] // alias misses the .well-known part
    [InlineData("/static/", "/var/lib/acme/acme-challenge", null)] // does not cover the challenge path
    [InlineData("= /.well-known/acme-challenge/", "/var/lib/acme/acme-challenge", null)] // exact match: no token below it
    public void A_location_that_does_not_reach_the_webroot_fires(string match, string? root, string? alias)
    {
        var facts = Facts([Cert()], Only443, Nginx(Location(match, root, alias)));
        Assert.Single(new WebrootNotServedCheck().Check(facts));
    }

    [Fact]
    public void A_document_root_or_verbatim_configuration_naming_the_webroot_is_quiet_and_listeners_need_no_server()
    {
        Assert.Empty(new WebrootNotServedCheck().Check(Facts([Cert()], Only443, new WebVirtualHostFacts("httpd", "x", "/var/lib/acme/acme-challenge", "", []))));
        var caddy = new WebVirtualHostFacts("caddy", "x", null, "handle /.well-known/acme-challenge/* {\n  root * /var/lib/acme/acme-challenge\n  file_server\n}", []);
        Assert.Empty(new WebrootNotServedCheck().Check(Facts([Cert()], Only443, caddy)));
        Assert.Empty(new WebrootNotServedCheck().Check(Facts([Cert(webroot: null, listenHttp: ":80")], Only443)));
    }

    // ---- Through the linter: the facts the Nix side extracts ----

    private IReadOnlyList<string> LintCodesOf(string body)
    {
        var path = Path.Combine(_dir, $"host-{Guid.NewGuid():N}.nix");
        File.WriteAllText(path, "{ config, ... }:\n{\n  security.acme.acceptTerms = true;\n  security.acme.defaults.email = \"admin@example.org\";\n" + body + "\n}\n");
        var linter = new ServiceCollection().AddLintServices().BuildServiceProvider().GetRequiredService<HostLinter>();
        return [.. linter.Lint(path, new EvaluatorOptions()).Select(d => d.Code)];
    }

    private const string NginxAcmeHost =
        "  services.nginx.enable = true;\n  services.nginx.virtualHosts.\"example.org\" = { forceSSL = true; enableACME = true; };\n";

    [Theory]
    [InlineData("networking.firewall.allowedTCPPorts = [ 80 443 ];")]
    [InlineData("networking.firewall.allowedTCPPortRanges = [ { from = 80; to = 443; } ];")]
    [InlineData("networking.firewall.interfaces.eth0.allowedTCPPorts = [ 80 ];")]
    [InlineData("networking.firewall.interfaces.eth0.allowedTCPPortRanges = [ { from = 80; to = 81; } ];")]
    [InlineData("networking.firewall.enable = false;")]
    public void Every_way_to_open_port_80_is_read_from_the_configuration(string firewall)
    {
        Assert.Empty(LintCodesOf(NginxAcmeHost + "  " + firewall));
    }

    [Fact]
    public void The_default_firewall_closes_port_80_for_an_nginx_acme_host()
    {
        Assert.Equal([LintCodes.Http01PortClosed], LintCodesOf(NginxAcmeHost));
    }

    [Fact]
    public void Httpd_acme_virtual_hosts_serve_their_acme_root_and_other_webroots_are_not_served()
    {
        const string httpd = "  networking.firewall.allowedTCPPorts = [ 80 ];\n  services.httpd.enable = true;\n" +
            "  services.httpd.virtualHosts.\"example.org\" = { forceSSL = true; useACMEHost = \"example.org\"; };\n" +
            "  security.acme.certs.\"example.org\" = { group = \"wwwrun\"; webroot = ";
        Assert.Empty(LintCodesOf(httpd + "\"/var/lib/acme/acme-challenge\"; };"));
        Assert.Equal([LintCodes.WebrootNotServed], LintCodesOf(httpd + "\"/srv/acme\"; };"));
    }

    [Fact]
    public void An_nginx_location_alias_is_read_from_the_configuration()
    {
        const string nginx = "  networking.firewall.allowedTCPPorts = [ 80 ];\n  services.nginx.enable = true;\n" +
            "  security.acme.certs.\"example.org\" = { group = \"nginx\"; webroot = \"/srv/acme\"; };\n" +
            "  services.nginx.virtualHosts.\"example.org\".locations.\"/.well-known/acme-challenge/\".alias = ";
        Assert.Empty(LintCodesOf(nginx + "\"/srv/acme/.well-known/acme-challenge/\";"));
        Assert.Equal([LintCodes.WebrootNotServed], LintCodesOf(nginx + "\"/srv/other/\";"));
    }
}
