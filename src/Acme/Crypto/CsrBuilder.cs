using KeyType = ConfigLang.Acme.Model.KeyType;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ConfigLang.Acme.Crypto;

/// <summary>
/// Builds the PKCS#10 request sent to <c>finalize</c>: the first name as subject CN (when it fits the
/// 64-character limit), every name as a SAN, and optionally the TLS Feature extension with
/// status_request (OCSP must-staple, RFC 7633).
/// </summary>
public static class CsrBuilder
{
    private const string TlsFeatureOid = "1.3.6.1.5.5.7.1.24";

    // SEQUENCE { INTEGER 5 }: status_request.
    private static readonly byte[] MustStapleValue = [0x30, 0x03, 0x02, 0x01, 0x05];

    public static byte[] Build(CertificateKey key, IReadOnlyList<string> names, bool mustStaple)
    {
        if (names.Count == 0) throw new ArgumentException("a certificate needs at least one name", nameof(names));
        // CN only for a DNS name that fits the 64-character limit; IP addresses live in the SAN only.
        var subject = names[0].Length <= 64 && !System.Net.IPAddress.TryParse(names[0], out _)
            ? new X500DistinguishedName("CN=" + names[0])
            : new X500DistinguishedName("");
        var request = key.Key switch
        {
            ECDsa ec => new CertificateRequest(subject, ec, key.Type == KeyType.Ec384 ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256),
            RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            _ => throw new NotSupportedException(key.Key.GetType().Name),
        };
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            if (System.Net.IPAddress.TryParse(name, out var ip)) san.AddIpAddress(ip);
            else san.AddDnsName(name);
        }
        request.CertificateExtensions.Add(san.Build());
        if (mustStaple) request.CertificateExtensions.Add(new X509Extension(TlsFeatureOid, MustStapleValue, critical: false));
        return request.CreateSigningRequest();
    }
}
