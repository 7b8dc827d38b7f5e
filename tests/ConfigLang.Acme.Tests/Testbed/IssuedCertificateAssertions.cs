using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ConfigLang.Acme.Client;
using ConfigLang.Acme.Protocol;

namespace ConfigLang.Acme.Tests.Testbed;

/// <summary>Checks every issued certificate has to pass: chain to the root, names, key match.</summary>
public static class IssuedCertificateAssertions
{
    public static X509Certificate2 AssertValid(IssuedCertificate issued, X509Certificate2 root, params string[] names)
    {
        var chain = CertificateChain.Parse(issued.FullChainPem, new Uri("file:///fullchain.pem"));
        var leaf = chain.Leaf;
        Assert.Equal(issued.CertificatePem + issued.ChainPem, issued.FullChainPem);

        using var verifier = new X509Chain();
        verifier.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        verifier.ChainPolicy.CustomTrustStore.Add(root);
        verifier.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        foreach (var intermediate in chain.Certificates.Skip(1)) verifier.ChainPolicy.ExtraStore.Add(intermediate);
        var built = verifier.Build(leaf);
        Assert.True(built, "chain does not verify: " + string.Join("; ", verifier.ChainStatus.Select(s => s.StatusInformation)));
        Assert.Equal(root.Thumbprint, verifier.ChainElements[^1].Certificate.Thumbprint);

        var san = leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(names.Order(StringComparer.Ordinal), san.EnumerateDnsNames().Order(StringComparer.Ordinal));

        // The private key belongs to the certificate.
        using var withKey = X509Certificate2.CreateFromPem(issued.CertificatePem, issued.KeyPem);
        Assert.True(withKey.HasPrivateKey);
        Assert.Equal(leaf.NotAfter.ToUniversalTime(), issued.NotAfter.UtcDateTime);
        return leaf;
    }

    public static string KeyDescription(X509Certificate2 certificate)
    {
        if (certificate.GetECDsaPublicKey() is { } ec) return "ec" + ec.KeySize;
        if (certificate.GetRSAPublicKey() is { } rsa) return "rsa" + rsa.KeySize;
        return "unknown";
    }
}
