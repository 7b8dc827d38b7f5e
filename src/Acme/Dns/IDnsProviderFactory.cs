using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>Creates a named <see cref="IDnsProvider"/> from its credentials; one per provider name.</summary>
public interface IDnsProviderFactory
{
    string Name { get; }

    IDnsProvider Create(ProviderCredentials credentials);
}

/// <summary>A factory from a name and a delegate.</summary>
public sealed class DnsProviderFactory(string name, Func<ProviderCredentials, IDnsProvider> create) : IDnsProviderFactory
{
    public string Name { get; } = name;

    public IDnsProvider Create(ProviderCredentials credentials) => create(credentials);
}
