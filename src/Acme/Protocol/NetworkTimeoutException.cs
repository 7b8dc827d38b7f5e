namespace ConfigLang.Acme.Protocol;

/// <summary>A server (the CA, a DNS provider's API, a DNS server) gave no answer within <see cref="NetworkTimeout"/>.</summary>
public sealed class NetworkTimeoutException : AcmeException
{
    /// <param name="target">The URL or address asked (credentials in it are redacted).</param>
    public NetworkTimeoutException(string target, TimeSpan timeout)
        : base($"no answer from {target} within {NetworkTimeout.Format(timeout)}")
    {
        Timeout = timeout;
    }

    public TimeSpan Timeout { get; }
}
