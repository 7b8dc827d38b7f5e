using System.Security.Cryptography;

namespace ConfigLang.Acme.Crypto;

/// <summary>The private key of an issued certificate: generated per order, exported as PKCS#8 PEM.</summary>
public sealed class CertificateKey : IDisposable
{
    private CertificateKey(CertificateKeyType type, AsymmetricAlgorithm key)
    {
        Type = type;
        Key = key;
    }

    public CertificateKeyType Type { get; }

    /// <summary>An <see cref="ECDsa"/> or <see cref="RSA"/> instance.</summary>
    public AsymmetricAlgorithm Key { get; }

    public static CertificateKey Generate(CertificateKeyType type) => type switch
    {
        CertificateKeyType.EC256 => new(type, ECDsa.Create(ECCurve.NamedCurves.nistP256)),
        CertificateKeyType.EC384 => new(type, ECDsa.Create(ECCurve.NamedCurves.nistP384)),
        CertificateKeyType.RSA2048 => new(type, RSA.Create(2048)),
        CertificateKeyType.RSA3072 => new(type, RSA.Create(3072)),
        CertificateKeyType.RSA4096 => new(type, RSA.Create(4096)),
        CertificateKeyType.RSA8192 => new(type, RSA.Create(8192)),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public string ExportPem() => Key.ExportPkcs8PrivateKeyPem();

    public void Dispose() => Key.Dispose();
}
