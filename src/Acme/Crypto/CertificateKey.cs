using ConfigLang.Acme.Model;
using System.Security.Cryptography;

namespace ConfigLang.Acme.Crypto;

/// <summary>The private key of an issued certificate: generated per order, exported as PKCS#8 PEM.</summary>
public sealed class CertificateKey : IDisposable
{
    private CertificateKey(KeyType type, AsymmetricAlgorithm key)
    {
        Type = type;
        Key = key;
    }

    public KeyType Type { get; }

    /// <summary>An <see cref="ECDsa"/> or <see cref="RSA"/> instance.</summary>
    public AsymmetricAlgorithm Key { get; }

    public static CertificateKey Generate(KeyType type) => type switch
    {
        KeyType.Ec256 => new(type, ECDsa.Create(ECCurve.NamedCurves.nistP256)),
        KeyType.Ec384 => new(type, ECDsa.Create(ECCurve.NamedCurves.nistP384)),
        KeyType.Rsa2048 => new(type, RSA.Create(2048)),
        KeyType.Rsa3072 => new(type, RSA.Create(3072)),
        KeyType.Rsa4096 => new(type, RSA.Create(4096)),
        KeyType.Rsa8192 => new(type, RSA.Create(8192)),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public string ExportPem() => Key.ExportPkcs8PrivateKeyPem();

    public void Dispose() => Key.Dispose();
}
