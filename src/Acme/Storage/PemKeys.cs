using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ConfigLang.Acme.Storage;

/// <summary>Loading PEM private keys (EC or RSA, PKCS#8 or traditional) and matching them to certificates.</summary>
internal static class PemKeys
{
    /// <summary>The key in <paramref name="pem"/>, or null if it holds no EC or RSA private key.</summary>
    public static AsymmetricAlgorithm? TryLoad(string pem)
    {
        if (pem.Contains("EC PRIVATE KEY", StringComparison.Ordinal) || !pem.Contains("RSA PRIVATE KEY", StringComparison.Ordinal))
        {
            var ec = ECDsa.Create();
            try { ec.ImportFromPem(pem); return ec; }
            catch (Exception e) when (e is CryptographicException or ArgumentException) { ec.Dispose(); }
        }
        var rsa = RSA.Create();
        try { rsa.ImportFromPem(pem); return rsa; }
        catch (Exception e) when (e is CryptographicException or ArgumentException) { rsa.Dispose(); return null; }
    }

    /// <summary>True when <paramref name="key"/> is the private half of the certificate's public key.</summary>
    public static bool Matches(X509Certificate2 certificate, AsymmetricAlgorithm key)
    {
        var certificateKey = certificate.PublicKey.ExportSubjectPublicKeyInfo();
        return key switch
        {
            ECDsa ec => certificateKey.AsSpan().SequenceEqual(ec.ExportSubjectPublicKeyInfo()),
            RSA rsa => certificateKey.AsSpan().SequenceEqual(rsa.ExportSubjectPublicKeyInfo()),
            _ => false,
        };
    }

    /// <summary>All certificates in a PEM text, in order.</summary>
    public static X509Certificate2[] Certificates(string pem)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPem(pem);
        return collection.ToArray();
    }
}
