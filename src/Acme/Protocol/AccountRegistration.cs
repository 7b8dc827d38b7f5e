namespace ConfigLang.Acme.Protocol;

/// <summary>What <c>newAccount</c> sends: contacts (e-mail addresses or URIs), terms agreement and EAB.</summary>
public sealed class AccountRegistration
{
    /// <summary>E-mail addresses (mailto: is added) or full contact URIs.</summary>
    public IReadOnlyList<string> Contact { get; init; } = [];

    public bool TermsOfServiceAgreed { get; init; }

    public ExternalAccountBinding? ExternalAccountBinding { get; init; }
}
