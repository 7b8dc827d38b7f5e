using ConfigLang.Acme.Dns;
using ConfigLang.Host;
using ConfigLang.Host.Checks;

namespace ConfigLang.Cli.Tests.Adapters;

/// <summary>
/// CL3025 on real files in a temporary folder: a readable environment or credential file that sets
/// a provider's numeric variable to a value the provider refuses is an error at the option that set
/// it, naming the variable and its rule but not the value; a value the provider takes, a variable it
/// reads as text and a file that cannot be read here say nothing.
/// </summary>
public sealed class DnsVariableRefusedCheckTests : IDisposable
{
    private readonly ProviderFileFolder _files = new("configlang-cl3025-");
    private readonly DnsVariableRefusedCheck _check = new(DnsProviderRegistry.CreateDefault());

    public void Dispose() => _files.Dispose();

    [Fact]
    public void A_refused_value_in_the_environment_file_is_an_error_naming_the_variable_not_the_value()
    {
        var env = _files.Write("cloudflare.env", "CLOUDFLARE_DNS_API_TOKEN=t\nCF_TTL=60s\nCF_PROPAGATION_TIMEOUT=99999\n");

        var findings = _check.Check(ProviderFileFolder.Facts(environmentFile: env)).ToList();

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(LintCodes.DnsVariableRefused, f.Code));
        Assert.All(findings, f => Assert.True(f.IsError));
        Assert.All(findings, f => Assert.Equal("security.acme.certs.\"example.org\".environmentFile", PathEchoLocator.OptionAt(f)));
        Assert.Contains("the \"cloudflare\" DNS provider refuses: CF_TTL must be a whole number of at least 0", findings[0].Message);
        Assert.Contains("CF_PROPAGATION_TIMEOUT must be a number of seconds above 0 and at most 86400", findings[1].Message);
        Assert.All(findings, f => Assert.DoesNotContain("60s", f.Message + string.Concat(f.Notes)));
        Assert.All(findings, f => Assert.DoesNotContain("99999", f.Message + string.Concat(f.Notes)));
    }

    [Fact]
    public void A_refused_value_from_a_credential_file_is_reported_at_credentialFiles()
    {
        var env = _files.Write("route53.env", "AWS_ACCESS_KEY_ID=a\nAWS_SECRET_ACCESS_KEY=s\n");
        var retries = _files.Write("retries", "five\n");

        var finding = Assert.Single(_check.Check(ProviderFileFolder.Facts("route53", env, new() { ["AWS_MAX_RETRIES_FILE"] = retries })));

        Assert.Contains("AWS_MAX_RETRIES must be a whole number of at least 0", finding.Message);
        Assert.Equal("security.acme.certs.\"example.org\".credentialFiles", PathEchoLocator.OptionAt(finding));
    }

    [Theory]
    [InlineData("CLOUDFLARE_DNS_API_TOKEN=t\nCF_TTL=60\nCLOUDFLARE_PROPAGATION_TIMEOUT=0.5\n")]
    // Read as text (an email), not as a number.
    [InlineData("CLOUDFLARE_EMAIL=60s\nCLOUDFLARE_API_KEY=k\n")]
    public void Values_the_provider_takes_say_nothing(string content)
    {
        Assert.Empty(_check.Check(ProviderFileFolder.Facts(environmentFile: _files.Write("cloudflare.env", content))));
    }

    [Fact]
    public void Files_that_cannot_be_read_here_say_nothing()
    {
        var env = _files.Write("cloudflare.env", "CF_TTL=60s\n");
        Assert.Empty(_check.Check(ProviderFileFolder.Facts(environmentFile: env, credentialFiles: new() { ["CF_DNS_API_TOKEN_FILE"] = Path.Combine(_files.Root, "absent") })));
        Assert.Empty(_check.Check(ProviderFileFolder.Facts(environmentFile: Path.Combine(_files.Root, "absent.env"))));
    }

    /// <summary>Facts as restricted lint makes them: only <c>repo</c> below the folder may be looked at.</summary>
    private HostFacts Restricted(HostFacts facts) =>
        facts with { ReadablePaths = new ConfigLang.Evaluator.Runtime.PathAccessPolicy([Directory.CreateDirectory(Path.Combine(_files.Root, "repo")).FullName]) };

    [Fact]
    public void A_file_named_inside_the_environment_file_is_not_read_when_lint_may_not_look_at_it()
    {
        // The env file is in the repository; the file it names is not. Reading it would tell whether
        // any file on the CI machine is readable and holds a whole number.
        var outside = _files.Write("ttl", "60s\n");
        var env = _files.Write(Path.Combine("repo", "cloudflare.env"), $"CLOUDFLARE_DNS_API_TOKEN=t\nCF_TTL_FILE={outside}\n");

        Assert.Empty(_check.Check(Restricted(ProviderFileFolder.Facts(environmentFile: env))));
        Assert.Contains("CF_TTL must be a whole number", Assert.Single(_check.Check(ProviderFileFolder.Facts(environmentFile: env))).Message);
    }

    [Fact]
    public void An_eab_hmac_file_lint_may_not_look_at_does_not_silence_the_dns_files()
    {
        var env = _files.Write(Path.Combine("repo", "cloudflare.env"), "CLOUDFLARE_DNS_API_TOKEN=t\nCF_TTL=60s\n");
        var facts = ProviderFileFolder.Facts(environmentFile: env);
        facts = facts with { Certs = [facts.Certs[0] with { EabHmacFile = _files.Write("hmac", "k") }] };

        Assert.Contains("CF_TTL must be a whole number", Assert.Single(_check.Check(Restricted(facts))).Message);
    }

    [Fact]
    public void The_option_named_is_the_one_that_set_the_alias_read_not_another_alias()
    {
        // CLOUDFLARE_TTL (read first, refused) is in the environment file; the alias CF_TTL, which the provider
        // does not read, comes from credentialFiles.
        var env = _files.Write("cloudflare.env", "CLOUDFLARE_DNS_API_TOKEN=t\nCLOUDFLARE_TTL=60s\n");
        var alias = _files.Write("ttl", "60\n");

        var finding = Assert.Single(_check.Check(ProviderFileFolder.Facts(environmentFile: env, credentialFiles: new() { ["CF_TTL_FILE"] = alias })));

        Assert.Contains("CLOUDFLARE_TTL must be a whole number", finding.Message);
        Assert.Equal("security.acme.certs.\"example.org\".environmentFile", PathEchoLocator.OptionAt(finding));
    }

    [Fact]
    public void The_files_are_read_once_per_certificate_for_both_checks()
    {
        var env = _files.Write("cloudflare.env", "CLOUDFLARE_DNS_API_TOKEN=t\nCF_TTL=60s\n");
        var facts = ProviderFileFolder.Facts(environmentFile: env);

        var first = ReadableProviderCredentials.Load(facts.Certs[0], facts);

        Assert.NotNull(first);
        Assert.Same(first, ReadableProviderCredentials.Load(facts.Certs[0], facts));
        // Other facts (another lint, another policy) read again.
        Assert.NotSame(first, ReadableProviderCredentials.Load(facts.Certs[0], facts with { }));
    }
}
