using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ConfigLang.Acme.Challenges;

/// <summary>
/// The self-signed validation certificate of TLS-ALPN-01 (RFC 8737 §3): the domain as its only
/// SAN and the critical id-pe-acmeIdentifier extension holding SHA-256(key authorization).
/// </summary>
public static class TlsAlpnCertificate
{
    public const string AcmeIdentifierOid = "1.3.6.1.5.5.7.1.31";

    public static X509Certificate2 Create(ChallengeTask challenge)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + challenge.Domain, key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(challenge.Domain);
        request.CertificateExtensions.Add(san.Build(critical: false));
        // The extension value is the DER OCTET STRING of the 32-byte digest.
        var digest = challenge.KeyAuthorizationDigest();
        var value = new byte[2 + digest.Length];
        value[0] = 0x04;
        value[1] = (byte)digest.Length;
        digest.CopyTo(value, 2);
        request.CertificateExtensions.Add(new X509Extension(AcmeIdentifierOid, value, critical: true));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(7));
    }
}
