namespace ConfigLang.Acme.Dns;

/// <summary>A DNS provider failed. The message is already redacted; no inner exception is kept, since its text could hold a secret.</summary>
public class DnsProviderException : Protocol.AcmeException
{
    public DnsProviderException(string provider, string message) : base(provider + ": " + message)
    {
        Provider = provider;
    }

    public string Provider { get; }
}
