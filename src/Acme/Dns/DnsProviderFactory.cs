using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>A factory from a name and a delegate.</summary>
public sealed class DnsProviderFactory(string name, Func<ProviderCredentials, IDnsProvider> create) : IDnsProviderFactory
{
    public string Name { get; } = name;

    public IDnsProvider Create(ProviderCredentials credentials) => create(credentials);
}
