using System.Security.Cryptography;
using System.Text;

namespace ConfigLang.Acme.Crypto;

/// <summary>
/// The key that identifies an ACME account and signs every JWS it sends. Knows its public JWK
/// (members in the lexicographic order RFC 7638 needs for the thumbprint) and its PEM form.
/// </summary>
public abstract class AccountKey : IDisposable
{
    public abstract AccountKeyAlgorithm Algorithm { get; }

    /// <summary>The JWS <c>alg</c> header value.</summary>
    public string JwsAlgorithm => Algorithm.ToString();

    /// <summary>The public key as a JWK JSON object with members in RFC 7638 order.</summary>
    public abstract string PublicJwkJson { get; }

    public abstract byte[] Sign(ReadOnlySpan<byte> data);

    /// <summary>PKCS#8 private key PEM.</summary>
    public abstract string ExportPem();

    public abstract void Dispose();

    /// <summary>RFC 7638 SHA-256 thumbprint, base64url: the second half of every key authorization.</summary>
    public string Thumbprint() => Base64Url.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(PublicJwkJson)));

    /// <summary>token "." thumbprint (RFC 8555 §8.1).</summary>
    public string KeyAuthorization(string token) => token + "." + Thumbprint();

    public static AccountKey Generate(AccountKeyAlgorithm algorithm) => algorithm switch
    {
        AccountKeyAlgorithm.ES256 => new EcdsaAccountKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)),
        AccountKeyAlgorithm.ES384 => new EcdsaAccountKey(ECDsa.Create(ECCurve.NamedCurves.nistP384)),
        AccountKeyAlgorithm.RS256 => new RsaAccountKey(RSA.Create(2048)),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>Reads an EC (P-256/P-384) or RSA private key in PKCS#8, SEC1 or PKCS#1 PEM.</summary>
    public static AccountKey FromPem(string pem)
    {
        if (pem.Contains("RSA PRIVATE KEY", StringComparison.Ordinal)) return RsaFromPem(pem);
        if (pem.Contains("EC PRIVATE KEY", StringComparison.Ordinal)) return EcFromPem(pem);
        try { return EcFromPem(pem); }
        catch (CryptographicException) { return RsaFromPem(pem); }
    }

    private static AccountKey EcFromPem(string pem)
    {
        var ec = ECDsa.Create();
        ec.ImportFromPem(pem);
        return new EcdsaAccountKey(ec);
    }

    private static AccountKey RsaFromPem(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaAccountKey(rsa);
    }
}
