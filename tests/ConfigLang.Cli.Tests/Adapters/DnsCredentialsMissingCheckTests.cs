using ConfigLang.Acme.Dns;
using ConfigLang.Host;
using ConfigLang.Host.Checks;

namespace ConfigLang.Cli.Tests.Adapters;

/// <summary>
/// CL3017 on real files in a temporary folder: fires when the files a DNS provider would read are
/// all readable and hold none of its required variables (under any name, or as NAME_FILE), naming
/// the provider and the variables but no value; quiet when a file is absent (CI without secrets).
/// </summary>
public sealed class DnsCredentialsMissingCheckTests : IDisposable
{
    private readonly ProviderFileFolder _files = new("configlang-cl3017-");
    private readonly DnsCredentialsMissingCheck _check = new(DnsProviderRegistry.CreateDefault());

    public void Dispose() => _files.Dispose();

    [Fact]
    public void An_environment_file_without_the_required_variables_is_an_error_at_its_definition()
    {
        var env = _files.Write("cloudflare.env", "CLOUDFLARE_EMAIL=ops@example.org\nCLOUDFLARE_TTL=60\n");
        var finding = Assert.Single(_check.Check(ProviderFileFolder.Facts(environmentFile: env)));

        Assert.Equal(LintCodes.DnsCredentialsMissing, finding.Code);
        Assert.True(finding.IsError);
        Assert.Contains("\"cloudflare\"", finding.Message);
        Assert.Contains("CLOUDFLARE_DNS_API_TOKEN (or CF_DNS_API_TOKEN), or CLOUDFLARE_EMAIL (or CF_API_EMAIL) and CLOUDFLARE_API_KEY (or CF_API_KEY)", finding.Message);
        Assert.Contains(env, finding.Message);
        Assert.DoesNotContain("ops@example.org", finding.Message);
        Assert.Equal("security.acme.certs.\"example.org\".environmentFile", PathEchoLocator.OptionAt(finding));
    }

    [Theory]
    [InlineData("CLOUDFLARE_DNS_API_TOKEN=t\n")]
    [InlineData("CF_DNS_API_TOKEN=t\n")]
    [InlineData("CF_API_EMAIL=ops@example.org\nCLOUDFLARE_API_KEY=k\n")]
    public void Any_complete_alternative_under_any_of_its_names_satisfies_it(string content)
    {
        Assert.Empty(_check.Check(ProviderFileFolder.Facts(environmentFile: _files.Write("cloudflare.env", content))));
    }

    [Fact]
    public void A_credential_file_provides_its_variable_and_an_empty_one_does_not()
    {
        var token = _files.Write("token", "t0ken\n");
        Assert.Empty(_check.Check(ProviderFileFolder.Facts(credentialFiles: new() { ["CLOUDFLARE_DNS_API_TOKEN_FILE"] = token })));
        var empty = _files.Write("empty", "");
        var finding = Assert.Single(_check.Check(ProviderFileFolder.Facts(credentialFiles: new() { ["CLOUDFLARE_DNS_API_TOKEN_FILE"] = empty })));
        Assert.Contains("credentialFiles set none of them", finding.Message);
    }

    [Fact]
    public void Files_that_cannot_be_read_here_say_nothing()
    {
        var absent = Path.Combine(_files.Root, "absent.env");
        Assert.Empty(_check.Check(ProviderFileFolder.Facts(environmentFile: absent)));
        var env = _files.Write("inwx.env", "INWX_USERNAME=u\n");
        Assert.Empty(_check.Check(ProviderFileFolder.Facts("inwx", env, new() { ["INWX_PASSWORD_FILE"] = absent })));
        // Without any file there is nothing read here to judge.
        Assert.Empty(_check.Check(ProviderFileFolder.Facts("inwx")));
    }

    [Fact]
    public void Files_are_read_below_the_root_as_rebuild_reads_them()
    {
        _files.Write("inwx.env", "INWX_USERNAME=u\n");
        var finding = Assert.Single(_check.Check(ProviderFileFolder.Facts("inwx", "/inwx.env") with { Root = _files.Root }));
        Assert.Contains("needs INWX_USERNAME and INWX_PASSWORD", finding.Message);
        // Outside the root, the same path is simply not there.
        Assert.Empty(_check.Check(ProviderFileFolder.Facts("inwx", "/inwx.env")));
    }

    [Fact]
    public void A_file_named_inside_the_environment_file_is_not_read_when_lint_may_not_look_at_it()
    {
        // An empty password file outside the repository would turn CL3017 on: an answer about a file restricted lint refuses.
        var outside = _files.Write("empty", "");
        var env = _files.Write(Path.Combine("repo", "inwx.env"), $"INWX_USERNAME=u\nINWX_PASSWORD_FILE={outside}\n");
        var facts = ProviderFileFolder.Facts("inwx", env);

        var restricted = facts with { ReadablePaths = new ConfigLang.Evaluator.Runtime.PathAccessPolicy([Path.Combine(_files.Root, "repo")]) };

        Assert.Empty(_check.Check(restricted));
        Assert.Equal(LintCodes.DnsCredentialsMissing, Assert.Single(_check.Check(facts)).Code);
    }
}
