using System.Security.Cryptography;

namespace ConfigLang.Acme.Crypto;

/// <summary>An ECDSA account key (ES256 on P-256, ES384 on P-384); signatures are r||s as JWS wants.</summary>
public sealed class EcdsaAccountKey : AccountKey
{
    private readonly ECDsa _key;
    private readonly HashAlgorithmName _hash;

    public EcdsaAccountKey(ECDsa key)
    {
        _key = key;
        var parameters = key.ExportParameters(false);
        var size = key.KeySize;
        (Algorithm, _hash, var curve) = size switch
        {
            256 => (AccountKeyAlgorithm.ES256, HashAlgorithmName.SHA256, "P-256"),
            384 => (AccountKeyAlgorithm.ES384, HashAlgorithmName.SHA384, "P-384"),
            _ => throw new NotSupportedException($"ECDSA account keys must be P-256 or P-384, not {size} bit"),
        };
        PublicJwkJson = "{\"crv\":\"" + curve + "\",\"kty\":\"EC\",\"x\":\"" + Base64Url.Encode(parameters.Q.X)
            + "\",\"y\":\"" + Base64Url.Encode(parameters.Q.Y) + "\"}";
    }

    public override AccountKeyAlgorithm Algorithm { get; }

    public override string PublicJwkJson { get; }

    public override byte[] Sign(ReadOnlySpan<byte> data) =>
        _key.SignData(data, _hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public override string ExportPem() => _key.ExportPkcs8PrivateKeyPem();

    public override void Dispose() => _key.Dispose();
}
