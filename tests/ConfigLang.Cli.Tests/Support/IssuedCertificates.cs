using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ConfigLang.Acme.Storage;
using X509Request = System.Security.Cryptography.X509Certificates.CertificateRequest;

namespace ConfigLang.Cli.Tests;

/// <summary>A CA-issued certificate as an ACME server hands it out (leaf for the domains plus an issuer), ec256.</summary>
public static class IssuedCertificates
{
    public static CertificateMaterial Issue(IEnumerable<string> domains, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var issuerKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var issuerRequest = new X509Request("CN=Pebble Intermediate CA 0a1b2c", issuerKey, HashAlgorithmName.SHA384);
        issuerRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var issuer = issuerRequest.CreateSelfSigned(notBefore.AddDays(-1), notAfter.AddYears(1));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var names = domains.ToArray();
        var request = new X509Request($"CN={names[0]}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names) san.AddDnsName(name);
        request.CertificateExtensions.Add(san.Build());
        using var leaf = request.Create(issuer.SubjectName, X509SignatureGenerator.CreateForECDsa(issuerKey), notBefore, notAfter, [1, 2, 3, 4]);
        var fullChain = leaf.ExportCertificatePem() + "\n" + issuer.ExportCertificatePem() + "\n";
        return CertificateMaterial.FromAcme(fullChain, key.ExportECPrivateKeyPem() + "\n");
    }
}
