namespace ConfigLang.Acme.Dns;

/// <summary>
/// What a DNS provider variable's value must be. A provider reads a <see cref="Seconds"/> variable with
/// <see cref="Credentials.ProviderCredentials.GetSeconds"/> and a <see cref="WholeNumber"/> one with
/// <see cref="Credentials.ProviderCredentials.GetInt"/>, which refuse any other value; declaring the
/// kind lets lint refuse it too, before the host's rebuild does.
/// </summary>
public enum DnsVariableKind
{
    /// <summary>Any text (a token, a URL, a name): no rule beyond the provider's own.</summary>
    Text,

    /// <summary>A number of seconds above 0 and at most <see cref="Credentials.ProviderCredentials.LongestDuration"/>.</summary>
    Seconds,

    /// <summary>A whole number of at least 0 (a TTL, a retry count).</summary>
    WholeNumber,
}
