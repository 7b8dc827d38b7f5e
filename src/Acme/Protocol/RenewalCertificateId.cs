using System.Security.Cryptography.X509Certificates;
using ConfigLang.Acme.Crypto;

namespace ConfigLang.Acme.Protocol;

/// <summary>
/// The RFC 9773 certificate identifier: base64url(AKI keyIdentifier) "." base64url(serial DER
/// content bytes). Used in the renewalInfo URL and in the <c>replaces</c> field of newOrder.
/// </summary>
public static class RenewalCertificateId
{
    public static string Of(X509Certificate2 certificate)
    {
        var aki = certificate.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().FirstOrDefault()
            ?? throw new AcmeException($"certificate {certificate.Subject} has no Authority Key Identifier; ARI needs one");
        var keyId = aki.KeyIdentifier ?? throw new AcmeException($"certificate {certificate.Subject} has no AKI keyIdentifier");
        // GetSerialNumber is little-endian; the DER content (with any leading 0x00) is its reverse.
        var serial = certificate.GetSerialNumber();
        Array.Reverse(serial);
        return From(keyId.Span, serial);
    }

    public static string From(ReadOnlySpan<byte> authorityKeyIdentifier, ReadOnlySpan<byte> serialDerContent) =>
        Base64Url.Encode(authorityKeyIdentifier) + "." + Base64Url.Encode(serialDerContent);
}
