using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>Creates a named <see cref="IDnsProvider"/> from its credentials; one per provider name.</summary>
public interface IDnsProviderFactory
{
    string Name { get; }

    /// <summary>The variables the provider reads and which are required (lint checks them before rebuild).</summary>
    DnsProviderVariables Variables { get; }

    IDnsProvider Create(ProviderCredentials credentials);
}
