using ConfigLang.Host;
using ConfigLang.Cli.Adapters;
using ConfigLang.Cli.Composition;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigLang.Cli.Tests.Adapters;

/// <summary>
/// The name checks on real host files: each broken example reports its code on the line of its
/// <c># MISTAKE:</c> comment (the golden texts are compared by LintExamplesTests), and the
/// library modules report the names virtual hosts serve, so a vhost added beside a shared
/// certificate is caught and the good examples stay clean.
/// </summary>
public sealed class NameChecksExamplesTests
{
    private static readonly string Broken = Path.Combine(RepositoryRoot.Path, "examples", "broken");

    private static HostLinter Linter() =>
        new ServiceCollection().AddLintServices().BuildServiceProvider().GetRequiredService<HostLinter>();

    public static TheoryData<string, string> Examples() => new()
    {
        { "name-not-covered.nix", LintCodes.NameNotCovered },
        { "idn-not-in-punycode.nix", LintCodes.InvalidDomainName },
        { "staging-mixed-with-production.nix", LintCodes.StagingMixedWithProduction },
        { "too-many-names.nix", LintCodes.TooManyNamesOnCertificate },
        { "too-many-certificates-per-domain.nix", LintCodes.TooManyCertificatesPerDomain },
        { "duplicate-certificates.nix", LintCodes.DuplicateCertificate },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_example_reports_its_code_once_on_the_mistake_line(string file, string code)
    {
        var path = Path.Combine(Broken, file);
        var mistakeLine = Array.FindIndex(File.ReadAllLines(path), l => l.Contains("# MISTAKE", StringComparison.Ordinal)) + 1;
        var finding = Assert.Single(Linter().Lint(path, new EvaluatorOptions()));
        Assert.Equal(code, finding.Code);
        // The finding points at the definition that holds the mistake: on its line, or (for an
        // element of a list, which has no position of its own) at the binding it is part of.
        var at = finding.Location!.Value;
        var lines = File.ReadAllLines(path);
        Assert.InRange(at.Start.Line, 1, mistakeLine);
        Assert.DoesNotContain(';', string.Concat(lines[(at.Start.Line - 1)..(mistakeLine - 1)]));
    }

    private static IReadOnlyList<ConfigLang.Evaluator.Diagnostics.Diagnostic> LintText(string text)
    {
        var directory = Directory.CreateTempSubdirectory("configlang-names-");
        try
        {
            var path = Path.Combine(directory.FullName, "host.nix");
            File.WriteAllText(path, text);
            return Linter().Lint(path, new EvaluatorOptions());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private const string SharedCertificate = """
        { config, ... }:
        {
          security.acme = {
            acceptTerms = true;
            defaults.email = "admin@example.org";
            certs."example.org" = {
              extraDomainNames = [ "www.example.org" ];
              webroot = "/var/lib/acme/acme-challenge";
              group = "acme";
            };
          };
          users.users.nginx.extraGroups = [ "acme" ];
          users.users.wwwrun.extraGroups = [ "acme" ];
          users.users.caddy.extraGroups = [ "acme" ];
          services.SERVER = {
            enable = true;
            virtualHosts.VHOST = { SSL useACMEHost = "example.org"; };
          };
        }
        """;

    [Theory]
    [InlineData("nginx", "forceSSL = true; serverAliases = [ \"www.example.org\" \"blog.example.org\" ];")]
    [InlineData("httpd", "forceSSL = true; serverAliases = [ \"www.example.org\" \"blog.example.org:8443\" ];")]
    [InlineData("caddy", "serverAliases = [ \"blog.example.org\" ];")]
    public void Each_web_server_reports_an_alias_the_shared_certificate_lacks(string server, string settings)
    {
        var text = SharedCertificate.Replace("SERVER", server).Replace("VHOST", "\"example.org\"").Replace("SSL", settings);
        var finding = Assert.Single(LintText(text), d => d.Code == LintCodes.NameNotCovered);
        Assert.Contains("\"blog.example.org\"", finding.Message);
        Assert.Equal($"services.{server}.virtualHosts.\"example.org\".useACMEHost", finding.Subject);
    }

    [Theory]
    [InlineData("nginx", "forceSSL = true; serverAliases = [ \"WWW.example.org\" ];")]
    [InlineData("httpd", "forceSSL = true; serverAliases = [ \"www.example.org:8443\" ];")]
    [InlineData("caddy", "serverAliases = [ \"www.example.org\" ];")]
    public void Each_web_server_is_quiet_when_the_certificate_has_every_name(string server, string settings)
    {
        var text = SharedCertificate.Replace("SERVER", server).Replace("VHOST", "\"example.org\"").Replace("SSL", settings);
        Assert.DoesNotContain(LintText(text), d => d.Code == LintCodes.NameNotCovered);
    }

    [Fact]
    public void A_vhost_attribute_name_counts_unless_server_name_replaces_it()
    {
        var named = SharedCertificate.Replace("SERVER", "nginx").Replace("VHOST", "shop").Replace("SSL", "forceSSL = true; serverName = \"www.example.org\";");
        Assert.DoesNotContain(LintText(named), d => d.Code == LintCodes.NameNotCovered);
        var byAttribute = SharedCertificate.Replace("SERVER", "nginx").Replace("VHOST", "\"shop.example.org\"").Replace("SSL", "forceSSL = true;");
        Assert.Contains("\"shop.example.org\"", Assert.Single(LintText(byAttribute), d => d.Code == LintCodes.NameNotCovered).Message);
    }

    [Theory]
    [InlineData("chat.example.org", false)]
    [InlineData("xmpp.example.org", true)]
    public void A_prosody_virtual_host_domain_must_be_on_the_certificate_its_files_come_from(string domain, bool uncovered)
    {
        var text = $$"""
            { config, ... }:
            {
              security.acme = {
                acceptTerms = true;
                defaults.email = "admin@example.org";
                certs."chat.example.org" = { webroot = "/var/lib/acme/acme-challenge"; group = "prosody"; };
              };
              services.prosody = {
                enable = true;
                virtualHosts.chat = {
                  domain = "{{domain}}";
                  enabled = true;
                  ssl.cert = "/var/lib/acme/chat.example.org/fullchain.pem";
                  ssl.key = "/var/lib/acme/chat.example.org/key.pem";
                };
              };
            }
            """;
        var findings = LintText(text).Where(d => d.Code == LintCodes.NameNotCovered).ToList();
        Assert.Equal(uncovered ? 1 : 0, findings.Count);
        if (uncovered) Assert.Equal("services.prosody.virtualHosts.\"chat\".ssl", findings[0].Subject);
    }
}
