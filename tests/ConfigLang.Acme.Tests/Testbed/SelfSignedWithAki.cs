using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ConfigLang.Acme.Tests.Testbed;

/// <summary>A throwaway certificate with an Authority Key Identifier (what ARI identifiers are made of).</summary>
public static class SelfSignedWithAki
{
    public static X509Certificate2 Create(byte[]? serial = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=ari.example.org", key, HashAlgorithmName.SHA256);
        var ski = new X509SubjectKeyIdentifierExtension(request.PublicKey, false);
        request.CertificateExtensions.Add(ski);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(ski));
        var now = DateTimeOffset.UtcNow;
        using var issuer = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        var generator = X509SignatureGenerator.CreateForECDsa(key);
        return request.Create(issuer.SubjectName, generator, now.AddDays(-1), now.AddDays(30), serial ?? [0x00, 0x87, 0x65, 0x43, 0x21]);
    }
}
