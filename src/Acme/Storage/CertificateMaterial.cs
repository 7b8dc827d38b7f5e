using System.Security.Cryptography;
using System.Text;

namespace ConfigLang.Acme.Storage;

/// <summary>
/// The PEM texts one install writes (fact sheet §2.2). For a CA-issued certificate
/// <c>cert.pem</c> is a symlink to <c>fullchain.pem</c> (<see cref="LeafPem"/> is null); for the
/// placeholder it is a regular file with the leaf alone.
/// </summary>
public sealed record CertificateMaterial
{
    /// <summary>Leaf then issuers.</summary>
    public required string FullChainPem { get; init; }

    /// <summary>The issuers (may be empty).</summary>
    public required string ChainPem { get; init; }

    /// <summary>The private key of the leaf.</summary>
    public required string KeyPem { get; init; }

    /// <summary>The leaf alone for a regular <c>cert.pem</c>; null makes <c>cert.pem</c> a symlink to <c>fullchain.pem</c>.</summary>
    public string? LeafPem { get; init; }

    /// <summary><c>full.pem</c>: the key followed by the full chain.</summary>
    public string FullPem => EndLine(KeyPem) + EndLine(FullChainPem);

    /// <summary>
    /// Material from an ACME download (leaf followed by issuers) and its key. Checks that the
    /// PEM holds a certificate and that the key belongs to it, so a broken download never
    /// replaces a working certificate.
    /// </summary>
    public static CertificateMaterial FromAcme(string fullChainPem, string keyPem)
    {
        var certificates = PemKeys.Certificates(fullChainPem);
        if (certificates.Length == 0) throw new CryptographicException("the downloaded chain holds no certificate");
        using var key = PemKeys.TryLoad(keyPem) ?? throw new CryptographicException("the key is not an EC or RSA private key in PEM form");
        if (!PemKeys.Matches(certificates[0], key)) throw new CryptographicException("the key does not belong to the certificate");

        var chain = new StringBuilder();
        foreach (var issuer in certificates.Skip(1)) chain.Append(EndLine(issuer.ExportCertificatePem()));
        return new CertificateMaterial { FullChainPem = EndLine(fullChainPem), ChainPem = chain.ToString(), KeyPem = EndLine(keyPem) };
    }

    internal static string EndLine(string pem) => pem.Length == 0 || pem.EndsWith('\n') ? pem : pem + "\n";
}
