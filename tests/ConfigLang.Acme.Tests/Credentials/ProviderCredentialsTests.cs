using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;

namespace ConfigLang.Acme.Tests.Credentials;

/// <summary>environmentFile + credentialFiles, lego's variable names and aliases, redaction.</summary>
public sealed class ProviderCredentialsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("acme-credentials-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Values_come_from_the_environment_file_and_from_credential_files()
    {
        var envFile = Write("acme.env", "INWX_USERNAME=alice\n# password comes from a credential file\n");
        var passwordFile = Write("inwx-password", "pa55word-from-file\n");

        var credentials = ProviderCredentials.Load(envFile, new Dictionary<string, string> { ["INWX_PASSWORD_FILE"] = passwordFile }, File.ReadAllText);

        Assert.Equal("alice", credentials.Get("INWX_USERNAME"));
        Assert.Equal("pa55word-from-file", credentials.Get("INWX_PASSWORD"));
    }

    [Fact]
    public void A_NAME_FILE_variable_inside_the_environment_file_also_provides_NAME()
    {
        var tokenFile = Write("token", "tok-from-file");
        var envFile = Write("acme.env", $"CF_DNS_API_TOKEN_FILE={tokenFile}\n");

        var credentials = ProviderCredentials.Load(envFile, null, File.ReadAllText);

        Assert.Equal("tok-from-file", credentials.Get("CLOUDFLARE_DNS_API_TOKEN", "CF_DNS_API_TOKEN"));
    }

    [Fact]
    public void The_first_of_legos_alias_names_that_is_set_is_used()
    {
        var credentials = new ProviderCredentials(new Dictionary<string, string> { ["CF_DNS_API_TOKEN"] = "legacy", ["CLOUDFLARE_DNS_API_TOKEN"] = "" });

        Assert.Equal("legacy", credentials.Get("CLOUDFLARE_DNS_API_TOKEN", "CF_DNS_API_TOKEN"));
    }

    [Fact]
    public void A_missing_variable_is_an_error_naming_every_accepted_name()
    {
        var error = Assert.Throws<DnsProviderException>(() => ProviderCredentials.Empty.Require("inwx", "INWX_USERNAME"));

        Assert.Contains("INWX_USERNAME", error.Message);
        Assert.Contains("inwx", error.Message);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("86401")]
    [InlineData("1e300")]
    [InlineData("NaN")]
    [InlineData("60s")]
    [InlineData("soon")]
    public void A_duration_that_no_timer_can_wait_is_an_error_naming_the_variable(string value)
    {
        var credentials = new ProviderCredentials(new Dictionary<string, string> { ["INWX_PROPAGATION_TIMEOUT"] = value });

        var error = Assert.Throws<ConfigLang.Acme.Protocol.AcmeException>(() => credentials.GetSeconds("INWX_PROPAGATION_TIMEOUT"));

        Assert.Equal("INWX_PROPAGATION_TIMEOUT must be a number of seconds above 0 and at most 86400", error.Message);
        // lint judges by the same rule, in the same words.
        Assert.Equal(error.Message, credentials.BrokenRule(InwxDnsProvider.Variables["INWX_PROPAGATION_TIMEOUT"])?.Rule);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("300 ")]
    [InlineData("3e2")]
    [InlineData("99999999999")]
    public void A_whole_number_setting_that_is_not_one_is_an_error_naming_the_variable(string value)
    {
        var credentials = new ProviderCredentials(new Dictionary<string, string> { ["CF_TTL"] = value });

        var error = Assert.Throws<ConfigLang.Acme.Protocol.AcmeException>(() => credentials.GetInt("CLOUDFLARE_TTL", "CF_TTL"));

        Assert.Equal("CF_TTL must be a whole number of at least 0", error.Message);
        // The alias read is named, so lint can point at the option that set it.
        Assert.Equal(("CF_TTL", error.Message), credentials.BrokenRule(CloudflareDnsProvider.Variables["CLOUDFLARE_TTL"]));
    }

    [Fact]
    public void A_value_the_provider_takes_an_unset_one_or_any_text_breaks_no_rule()
    {
        var credentials = new ProviderCredentials(new Dictionary<string, string>
        {
            ["CF_TTL"] = "0", ["CLOUDFLARE_PROPAGATION_TIMEOUT"] = "0.5", ["CLOUDFLARE_EMAIL"] = "60s",
        });

        Assert.Null(credentials.BrokenRule(CloudflareDnsProvider.Variables["CLOUDFLARE_TTL"]));
        Assert.Null(credentials.BrokenRule(CloudflareDnsProvider.Variables["CLOUDFLARE_PROPAGATION_TIMEOUT"]));
        Assert.Null(credentials.BrokenRule(CloudflareDnsProvider.Variables["CLOUDFLARE_EMAIL"]));
        Assert.Null(credentials.BrokenRule(DigitalOceanDnsProvider.Variables["DO_TTL"]));
    }

    [Fact]
    public void The_first_name_set_is_judged_as_the_provider_reads_it()
    {
        // CLOUDFLARE_TTL hides CF_TTL: the provider never reads the alias, so it is no error.
        var credentials = new ProviderCredentials(new Dictionary<string, string> { ["CLOUDFLARE_TTL"] = "60", ["CF_TTL"] = "60s" });

        Assert.Null(credentials.BrokenRule(CloudflareDnsProvider.Variables["CLOUDFLARE_TTL"]));
        Assert.Equal(60, credentials.GetInt("CLOUDFLARE_TTL", "CF_TTL"));
    }

    [Fact]
    public void A_whole_number_setting_is_read_from_the_first_name_set()
    {
        var credentials = new ProviderCredentials(new Dictionary<string, string> { ["CF_TTL"] = "300", ["OTHER"] = "x" });

        Assert.Equal(300, credentials.GetInt("CLOUDFLARE_TTL", "CF_TTL"));
        Assert.Null(credentials.GetInt("DO_TTL"));
    }

    [Fact]
    public void A_duration_up_to_a_day_is_read_in_seconds()
    {
        var credentials = new ProviderCredentials(new Dictionary<string, string> { ["CF_PROPAGATION_TIMEOUT"] = "86400" });

        Assert.Equal(TimeSpan.FromDays(1), credentials.GetSeconds("CLOUDFLARE_PROPAGATION_TIMEOUT", "CF_PROPAGATION_TIMEOUT"));
    }

    [Fact]
    public void An_unreadable_credential_file_is_reported_without_its_content()
    {
        var error = Assert.Throws<ConfigLang.Acme.Protocol.AcmeException>(() =>
            ProviderCredentials.Load(null, new Dictionary<string, string> { ["INWX_PASSWORD_FILE"] = Path.Combine(_dir.FullName, "missing") }, File.ReadAllText));

        Assert.Contains("INWX_PASSWORD", error.Message);
    }

    [Fact]
    public void Secret_values_are_masked_also_when_json_or_url_encoded_but_plain_settings_are_not()
    {
        var credentials = new ProviderCredentials(new Dictionary<string, string>
        {
            ["CLOUDFLARE_DNS_API_TOKEN"] = "tok/en+with\"chars",
            ["INWX_PASSWORD"] = "hunter22",
            ["RFC2136_TSIG_SECRET"] = "c2VjcmV0LWtleQ==",
            ["RFC2136_NAMESERVER"] = "127.0.0.1:8053",
        });
        const string token = "tok/en+with\"chars";
        var text = $"a {token} b {Uri.EscapeDataString(token)} c {System.Text.Json.JsonSerializer.Serialize(token)} d {token.Replace("\"", "\\\"")} e hunter22 f c2VjcmV0LWtleQ== at 127.0.0.1:8053";

        var redacted = credentials.Redactor.Redact(text);

        Assert.DoesNotContain("tok/en", redacted);
        Assert.DoesNotContain("tok%2F", redacted);
        Assert.DoesNotContain("hunter22", redacted);
        Assert.DoesNotContain("c2VjcmV0", redacted);
        Assert.Contains("127.0.0.1:8053", redacted);
        Assert.Contains(SecretRedactor.Mask, redacted);
    }
}
