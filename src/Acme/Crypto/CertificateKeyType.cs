namespace ConfigLang.Acme.Crypto;

/// <summary>Key types of issued certificates, with NixOS/lego names (<c>security.acme.certs.*.keyType</c>).</summary>
public enum CertificateKeyType
{
    EC256,
    EC384,
    RSA2048,
    RSA3072,
    RSA4096,
    RSA8192,
}

/// <summary>Conversions between <see cref="CertificateKeyType"/> and the lego names ("ec256", "rsa4096"...).</summary>
public static class CertificateKeyTypes
{
    public static string ToLegoName(this CertificateKeyType type) => type.ToString().ToLowerInvariant();

    public static bool TryParse(string name, out CertificateKeyType type)
    {
        foreach (var candidate in Enum.GetValues<CertificateKeyType>())
        {
            if (string.Equals(candidate.ToLegoName(), name, StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }
        type = default;
        return false;
    }

    public static CertificateKeyType Parse(string name) =>
        TryParse(name, out var type)
            ? type
            : throw new ArgumentException($"unknown key type '{name}' (expected ec256, ec384, rsa2048, rsa3072, rsa4096 or rsa8192)", nameof(name));
}
