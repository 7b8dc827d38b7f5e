using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using ConfigLang.Acme.Model;

using CertificateRequest = ConfigLang.Acme.Model.CertificateRequest;
using X509Request = System.Security.Cryptography.X509Certificates.CertificateRequest;

namespace ConfigLang.Acme.Tests.Storage;

/// <summary>Certificates as an ACME CA would hand them out: a leaf for the domains plus one issuer.</summary>
internal static class TestCertificates
{
    public sealed record Issued(string FullChainPem, string KeyPem, string LeafPem, string IssuerPem);

    public static Issued Issue(IEnumerable<string> domains, KeyType keyType, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var issuerKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var issuerRequest = new X509Request("CN=Pebble Intermediate CA 0a1b2c", issuerKey, HashAlgorithmName.SHA384);
        issuerRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var issuer = issuerRequest.CreateSelfSigned(notBefore.AddDays(-1), notAfter.AddYears(1));

        using AsymmetricAlgorithm key = keyType.IsEcdsa()
            ? ECDsa.Create(keyType == KeyType.Ec256 ? ECCurve.NamedCurves.nistP256 : ECCurve.NamedCurves.nistP384)
            : RSA.Create(keyType.KeySizeInBits());
        var names = domains.ToArray();
        var request = key is ECDsa ec
            ? new X509Request($"CN={names[0]}", ec, HashAlgorithmName.SHA256)
            : new X509Request($"CN={names[0]}", (RSA)key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names) san.AddDnsName(name);
        request.CertificateExtensions.Add(san.Build());
        using var leaf = request.Create(issuer.SubjectName, X509SignatureGenerator.CreateForECDsa(issuerKey), notBefore, notAfter, [1, 2, 3, 4]);

        var keyPem = key is ECDsa e ? e.ExportECPrivateKeyPem() : ((RSA)key).ExportRSAPrivateKeyPem();
        var leafPem = leaf.ExportCertificatePem() + "\n";
        var issuerPem = issuer.ExportCertificatePem() + "\n";
        return new Issued(leafPem + issuerPem, keyPem + "\n", leafPem, issuerPem);
    }

    public static Issued Issue(CertificateRequest request, DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        Issue(request.Domains.Select(d => d.Value), request.KeyType, notBefore, notAfter);
}
