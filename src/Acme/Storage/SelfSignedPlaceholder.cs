using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using ConfigLang.Acme.Model;

using X509Request = System.Security.Cryptography.X509Certificates.CertificateRequest;

namespace ConfigLang.Acme.Storage;

/// <summary>
/// The stand-in certificate NixOS installs before the first issuance so that web servers can
/// start (its minica step, fact sheet §2.7): a leaf for the certificate's domains with an
/// ec256 key, signed by a local CA whose name starts with <c>minica root ca</c>, which is how
/// the placeholder is recognised later. Short-lived on purpose: it is replaced, not renewed.
/// </summary>
public static class SelfSignedPlaceholder
{
    /// <summary>How long a placeholder leaf is valid.</summary>
    public static readonly TimeSpan DefaultValidity = TimeSpan.FromDays(7);

    /// <summary>How long the local CA is valid (minica's choice: a long-lived local root).</summary>
    public static readonly TimeSpan CaValidity = TimeSpan.FromDays(365 * 100);

    /// <summary>A new local CA certificate with its key.</summary>
    public static X509Certificate2 CreateCa(DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        var request = new X509Request($"CN={ObservedCertificateReader.PlaceholderIssuerPrefix} {suffix}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddMinutes(-5), now + CaValidity);
    }

    /// <summary>The placeholder files for <paramref name="domains"/>, signed by <paramref name="ca"/> (which must carry its key).</summary>
    public static CertificateMaterial Create(IReadOnlyList<Identifier> domains, X509Certificate2 ca, DateTimeOffset now, TimeSpan? validity = null)
    {
        if (domains.Count == 0) throw new ArgumentException("a placeholder needs at least one domain", nameof(domains));
        using var caKey = ca.GetECDsaPrivateKey() ?? throw new ArgumentException("the CA certificate has no EC private key", nameof(ca));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var request = new X509Request($"CN={domains[0].Value}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var domain in domains) names.AddDnsName(domain.Value);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        var notBefore = now.AddMinutes(-5);
        var notAfter = now + (validity ?? DefaultValidity);
        if (notAfter > ca.NotAfter) notAfter = ca.NotAfter;
        using var leaf = request.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), notBefore, notAfter, serial);

        var leafPem = CertificateMaterial.EndLine(leaf.ExportCertificatePem());
        var caPem = CertificateMaterial.EndLine(ca.ExportCertificatePem());
        return new CertificateMaterial
        {
            FullChainPem = leafPem + caPem,
            ChainPem = caPem,
            KeyPem = CertificateMaterial.EndLine(key.ExportECPrivateKeyPem()),
            LeafPem = leafPem,
        };
    }
}
