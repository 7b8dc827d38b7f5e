using System.Security.Cryptography;

namespace ConfigLang.Acme.Crypto;

/// <summary>An RSA account key signing with RS256.</summary>
public sealed class RsaAccountKey : AccountKey
{
    private readonly RSA _key;

    public RsaAccountKey(RSA key)
    {
        if (key.KeySize < 2048) throw new NotSupportedException("RSA account keys must have at least 2048 bits");
        _key = key;
        var parameters = key.ExportParameters(false);
        PublicJwkJson = "{\"e\":\"" + Base64Url.Encode(parameters.Exponent) + "\",\"kty\":\"RSA\",\"n\":\""
            + Base64Url.Encode(parameters.Modulus) + "\"}";
    }

    public override AccountKeyAlgorithm Algorithm => AccountKeyAlgorithm.RS256;

    public override string PublicJwkJson { get; }

    public override byte[] Sign(ReadOnlySpan<byte> data) =>
        _key.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public override string ExportPem() => _key.ExportPkcs8PrivateKeyPem();

    public override void Dispose() => _key.Dispose();
}
