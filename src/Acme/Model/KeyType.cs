namespace ConfigLang.Acme.Model;

/// <summary>
/// The private-key algorithms NixOS accepts for <c>keyType</c> (lego's <c>--key-type</c>).
/// The spelling used in configurations is given by <see cref="KeyTypes.Format"/>.
/// </summary>
public enum KeyType
{
    /// <summary>ECDSA on P-256 (the NixOS default).</summary>
    Ec256,
    /// <summary>ECDSA on P-384.</summary>
    Ec384,
    /// <summary>RSA with a 2048-bit modulus.</summary>
    Rsa2048,
    /// <summary>RSA with a 3072-bit modulus.</summary>
    Rsa3072,
    /// <summary>RSA with a 4096-bit modulus.</summary>
    Rsa4096,
    /// <summary>RSA with an 8192-bit modulus.</summary>
    Rsa8192,
}
