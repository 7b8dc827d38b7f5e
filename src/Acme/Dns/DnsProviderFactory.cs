using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>A factory from a name, the provider's declared variables and a delegate.</summary>
public sealed class DnsProviderFactory(string name, DnsProviderVariables variables, Func<ProviderCredentials, IDnsProvider> create) : IDnsProviderFactory
{
    public string Name { get; } = name;

    public DnsProviderVariables Variables { get; } = variables;

    public IDnsProvider Create(ProviderCredentials credentials) => create(credentials);
}
