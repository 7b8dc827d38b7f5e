using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// Each built-in provider's declared variables match what it reads: every required alternative
/// alone is enough to create it (under an alias or as NAME_FILE too), none of them is an error
/// naming the first, and every variable declared secret is one the redactor hides.
/// </summary>
public sealed class DnsProviderVariablesTests
{
    private static readonly DnsProviderRegistry Registry = DnsProviderRegistry.CreateDefault();

    public static TheoryData<string> Providers => new(Registry.Names);

    // Values the providers parse; anything else takes any text.
    internal static string SampleValue(string name) => name switch
    {
        "RFC2136_NAMESERVER" => "127.0.0.1:53",
        "EXEC_PATH" => "/bin/true",
        "OVH_ENDPOINT" => "ovh-eu",
        "ACME_DNS_API_BASE" or "ACME_DNS_STORAGE_BASE_URL" => "https://acme-dns.example.test/",
        // The key is parsed when a JWT is signed, not when the provider is made.
        "GCE_SERVICE_ACCOUNT" => "{\"client_email\":\"a@p.iam.gserviceaccount.com\",\"private_key\":\"k\",\"project_id\":\"p\"}",
        _ when name.EndsWith("_URL", StringComparison.Ordinal) || name.EndsWith("_ENDPOINT", StringComparison.Ordinal) => "https://dns.example.test/",
        _ => "sample-" + name.ToLowerInvariant(),
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_required_alternative_alone_creates_the_provider(string provider)
    {
        var factory = Registry.Get(provider);
        Assert.NotEmpty(factory.Variables.Required);
        foreach (var alternative in factory.Variables.Required)
        {
            var values = alternative.ToDictionary(name => name, SampleValue);
            Assert.Equal(provider, factory.Create(new ProviderCredentials(values)).Name);
            Assert.True(factory.Variables.IsSatisfied(values.ContainsKey));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Without_the_required_variables_creating_it_fails_naming_one(string provider)
    {
        var factory = Registry.Get(provider);
        var optional = factory.Variables.Variables
            .Where(v => factory.Variables.Required.All(alternative => !alternative.Contains(v.Name)))
            .ToDictionary(v => v.Name, v => v.Default ?? "1");
        Assert.False(factory.Variables.IsSatisfied(optional.ContainsKey));
        var error = Assert.ThrowsAny<DnsProviderException>(() => factory.Create(new ProviderCredentials(optional)));
        Assert.Contains(factory.Variables.Required[0][0], error.Message);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Declared_secrets_are_redacted_and_names_are_unique(string provider)
    {
        var variables = Registry.Get(provider).Variables;
        foreach (var secret in variables.Variables.Where(v => v.Secret))
        {
            Assert.All(secret.Names, name => Assert.True(ProviderCredentials.IsSecretName(name), $"{name} would be printed"));
        }
        var names = variables.Variables.SelectMany(v => v.Names).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(variables.Required.SelectMany(a => a), name => Assert.NotNull(variables[name]));
    }

    [Fact]
    public void An_alias_or_a_file_satisfies_a_requirement_as_lego_reads_them()
    {
        var variables = CloudflareDnsProvider.Variables;
        Assert.True(variables.IsSatisfied(name => name == "CF_DNS_API_TOKEN"));
        Assert.True(variables.IsSatisfied(name => name is "CLOUDFLARE_EMAIL" or "CF_API_KEY"));
        Assert.False(variables.IsSatisfied(name => name == "CLOUDFLARE_EMAIL"));
        // NAME_FILE is resolved by ProviderCredentials, so the question is asked of NAME.
        var token = Path.GetTempFileName();
        try
        {
            File.WriteAllText(token, "t0ken\n");
            var credentials = ProviderCredentials.Load(null, new Dictionary<string, string> { ["CF_DNS_API_TOKEN_FILE"] = token }, File.ReadAllText);
            Assert.True(variables.IsSatisfied(name => credentials.Get(name) is not null));
        }
        finally
        {
            File.Delete(token);
        }
    }

    [Fact]
    public void The_requirement_reads_as_one_sentence()
    {
        Assert.Equal("CLOUDFLARE_DNS_API_TOKEN (or CF_DNS_API_TOKEN), or CLOUDFLARE_EMAIL (or CF_API_EMAIL) and CLOUDFLARE_API_KEY (or CF_API_KEY)",
            CloudflareDnsProvider.Variables.DescribeRequired());
        Assert.Equal("INWX_USERNAME and INWX_PASSWORD", InwxDnsProvider.Variables.DescribeRequired());
    }
}
