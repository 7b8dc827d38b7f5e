using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ConfigLang.Acme.Crypto;

/// <summary>
/// Whether a certificate's signature verifies with another certificate's public key, offline and
/// exactly: the signed part (tbsCertificate) is read from the DER and checked against the issuer's
/// RSA (PKCS #1 v1.5) or ECDSA key with the hash its signature algorithm names. Nothing is
/// fetched and no trust store is asked; trust is not the question, only whether one signed the other.
/// </summary>
internal static class CertificateSignature
{
    public enum Verdict
    {
        Verified,
        NotVerified,
        /// <summary>A signature algorithm this check does not know (RSA-PSS, EdDSA): it cannot say.</summary>
        UnknownAlgorithm,
    }

    public static Verdict Check(X509Certificate2 subject, X509Certificate2 issuer)
    {
        if (Algorithm(subject.SignatureAlgorithm.Value) is not { } algorithm) return Verdict.UnknownAlgorithm;
        ReadOnlyMemory<byte> signed;
        byte[] signature;
        try
        {
            var certificate = new AsnReader(subject.RawData, AsnEncodingRules.DER).ReadSequence();
            signed = certificate.ReadEncodedValue();
            certificate.ReadSequence();
            signature = certificate.ReadBitString(out var unusedBits);
            if (unusedBits != 0) return Verdict.NotVerified;
        }
        catch (AsnContentException)
        {
            return Verdict.NotVerified;
        }
        try
        {
            // A key of the other kind (an RSA issuer for an ECDSA signature) is null: not verified.
            using var rsa = algorithm.Rsa ? issuer.GetRSAPublicKey() : null;
            using var ecdsa = algorithm.Rsa ? null : issuer.GetECDsaPublicKey();
            var verified = rsa is not null
                ? rsa.VerifyData(signed.Span, signature, algorithm.Hash, RSASignaturePadding.Pkcs1)
                : ecdsa is not null && ecdsa.VerifyData(signed.Span, signature, algorithm.Hash, DSASignatureFormat.Rfc3279DerSequence);
            return verified ? Verdict.Verified : Verdict.NotVerified;
        }
        catch (CryptographicException)
        {
            // An issuer key the platform cannot load, or a signature of another shape.
            return Verdict.NotVerified;
        }
    }

    private static (bool Rsa, HashAlgorithmName Hash)? Algorithm(string? oid) => oid switch
    {
        "1.2.840.113549.1.1.5" => (true, HashAlgorithmName.SHA1),
        "1.2.840.113549.1.1.11" => (true, HashAlgorithmName.SHA256),
        "1.2.840.113549.1.1.12" => (true, HashAlgorithmName.SHA384),
        "1.2.840.113549.1.1.13" => (true, HashAlgorithmName.SHA512),
        "1.2.840.10045.4.1" => (false, HashAlgorithmName.SHA1),
        "1.2.840.10045.4.3.2" => (false, HashAlgorithmName.SHA256),
        "1.2.840.10045.4.3.3" => (false, HashAlgorithmName.SHA384),
        "1.2.840.10045.4.3.4" => (false, HashAlgorithmName.SHA512),
        _ => null,
    };
}
