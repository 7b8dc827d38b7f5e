namespace ConfigLang.Acme.Protocol;

/// <summary>The <c>urn:ietf:params:acme:error:*</c> types of RFC 8555 §6.7 (plus ARI's), as an enum.</summary>
public enum AcmeProblemKind
{
    /// <summary>A type this client does not know (or no problem document at all).</summary>
    Unknown,
    AccountDoesNotExist,
    AlreadyRevoked,
    BadCsr,
    BadNonce,
    BadPublicKey,
    BadRevocationReason,
    BadSignatureAlgorithm,
    Caa,
    Compound,
    Connection,
    Dns,
    ExternalAccountRequired,
    IncorrectResponse,
    InvalidContact,
    Malformed,
    OrderNotReady,
    RateLimited,
    RejectedIdentifier,
    ServerInternal,
    Tls,
    Unauthorized,
    UnsupportedContact,
    UnsupportedIdentifier,
    UserActionRequired,
    AlreadyReplaced,
    InvalidProfile,
}
