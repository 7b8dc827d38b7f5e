namespace ConfigLang.Acme.Client;

/// <summary>
/// The result of an order, ready to be written as NixOS lays it out: <c>key.pem</c>,
/// <c>cert.pem</c> (leaf), <c>chain.pem</c> (issuers), <c>fullchain.pem</c> (leaf + issuers).
/// </summary>
public sealed record IssuedCertificate(
    IReadOnlyList<string> Names,
    string KeyPem,
    string CertificatePem,
    string ChainPem,
    string FullChainPem,
    string ChosenChainIssuer,
    IReadOnlyList<string> AvailableChainIssuers,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    string SerialNumber,
    Uri CertificateUrl,
    Uri OrderUrl)
{
    /// <summary><c>full.pem</c>: key followed by the full chain.</summary>
    public string FullPem => KeyPem + FullChainPem;
}
