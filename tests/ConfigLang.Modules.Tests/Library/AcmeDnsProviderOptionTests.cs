using ConfigLang.Evaluator.Runtime;
using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Evaluation;

namespace ConfigLang.Modules.Tests.Library;

/// <summary>
/// <c>security.acme.defaults.dnsProvider</c> and <c>security.acme.certs.NAME.dnsProvider</c> take
/// only the providers rebuild implements (or null): any other name is a type error at its
/// definition, so it fails lint and preview instead of the real rebuild.
/// </summary>
public sealed class AcmeDnsProviderOptionTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("configlang-acme-dns-");

    public void Dispose() => _dir.Delete(recursive: true);

    private const string Pointer = "`configlang options security.acme.defaults.dnsProvider' lists them";

    private ConfigLang.Modules.Resolved.QueryOutcome Show(string body)
    {
        var path = Path.Combine(_dir.FullName, "host.nix");
        File.WriteAllText(path, $$"""
            {
              security.acme.acceptTerms = true;
              security.acme.defaults.email = "a@example.org";
              {{body}}
            }
            """);
        return new ConfigurationQuery(new EvaluatorOptions()).Show(path, "security.acme.certs", json: true);
    }

    [Theory]
    [InlineData("cloudflare")]
    [InlineData("exec")]
    [InlineData("httpreq")]
    [InlineData("inwx")]
    [InlineData("pdns")]
    [InlineData("rfc2136")]
    [InlineData("route53")]
    public void Each_supported_provider_is_accepted_and_inherited_from_defaults(string provider)
    {
        var result = Show($"security.acme.defaults.dnsProvider = \"{provider}\"; security.acme.certs.\"example.org\" = {{ }};");
        Assert.True(result.Succeeded, result.Messages(showTrace: false));
        Assert.Contains($"\"dnsProvider\":\"{provider}\"", result.Text!.Replace(" ", "").Replace("\n", ""));
    }

    // The library's list, quoted and sorted as the type prints it (providers are added there).
    private static IEnumerable<string> DeclaredProviders() =>
        System.Text.RegularExpressions.Regex.Matches(
                File.ReadAllText(Path.Combine(TestSupport.RepositoryRoot.Path, "src", "Modules", "Library", "security", "acme-dns-providers.nix")),
                "^\\s*(\"[a-z0-9-]+\")\\s*$", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);

    [Fact]
    public void Null_is_accepted_for_another_challenge()
    {
        var result = Show("security.acme.certs.\"example.org\" = { dnsProvider = null; webroot = \"/var/lib/acme/acme-challenge\"; };");
        Assert.True(result.Succeeded, result.Messages(showTrace: false));
        Assert.Contains("\"dnsProvider\":null", result.Text!.Replace(" ", "").Replace("\n", ""));
    }

    [Theory]
    [InlineData("security.acme.certs.\"example.org\".dnsProvider = \"ionos\";", "security.acme.certs.\"example.org\".dnsProvider", "\"ionos\" is not one of them; ")]
    [InlineData("security.acme.defaults.dnsProvider = \"hurricane\"; security.acme.certs.\"example.org\" = { };", "security.acme.defaults.dnsProvider", "\"hurricane\" is not one of them; ")]
    [InlineData("security.acme.certs.\"example.org\".dnsProvider = \"inxw\";", "security.acme.certs.\"example.org\".dnsProvider", "\"inxw\" is not one of them (did you mean \"inwx\"?); ")]
    public void Another_name_is_a_type_error_at_its_definition(string body, string option, string why)
    {
        var result = Show(body);
        Assert.False(result.Succeeded);
        Assert.Equal(ModuleDiagnostics.WrongType, result.Error!.Code);
        Assert.Contains($"`{option}' is not of type `null or one of {string.Join(", ", DeclaredProviders())}': {why}{Pointer}", result.Messages(showTrace: false));
        Assert.EndsWith("host.nix", result.Error.Location!.Value.Source.Path);
        Assert.Equal(4, result.Error.Location.Value.Start.Line);
    }
}
