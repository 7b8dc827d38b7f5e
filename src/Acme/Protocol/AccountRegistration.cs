namespace ConfigLang.Acme.Protocol;

/// <summary>What <c>newAccount</c> sends: contacts (e-mail addresses or URIs), terms agreement and EAB.</summary>
public sealed class AccountRegistration
{
    /// <summary>E-mail addresses (mailto: is added) or full contact URIs.</summary>
    public IReadOnlyList<string> Contact { get; init; } = [];

    public bool TermsOfServiceAgreed { get; init; }

    public ExternalAccountBinding? ExternalAccountBinding { get; init; }
}

/// <summary>CA-issued key id and MAC key (base64url, as CAs hand them out) for External Account Binding.</summary>
public sealed record ExternalAccountBinding(string KeyId, string HmacKeyBase64Url)
{
    public override string ToString() => $"ExternalAccountBinding {{ KeyId = {KeyId}, HmacKey = *** }}";
}
