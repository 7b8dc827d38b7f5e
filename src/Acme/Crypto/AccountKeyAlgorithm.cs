namespace ConfigLang.Acme.Crypto;

/// <summary>The JWS algorithms an ACME account key can sign with.</summary>
public enum AccountKeyAlgorithm
{
    /// <summary>ECDSA P-256 with SHA-256 (lego's default account key, "ec256").</summary>
    ES256,
    /// <summary>ECDSA P-384 with SHA-384 ("ec384").</summary>
    ES384,
    /// <summary>RSASSA-PKCS1-v1_5 with SHA-256 (2048 bit or larger).</summary>
    RS256,
}
