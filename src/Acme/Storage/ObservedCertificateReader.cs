using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using ConfigLang.Acme.Model;

namespace ConfigLang.Acme.Storage;

/// <summary>
/// Reads what is installed for a certificate name: parses <c>fullchain.pem</c> and
/// <c>key.pem</c> with <see cref="X509Certificate2"/>, checks they belong together, recognises
/// the minica placeholder by its issuer, and adds the recorded <see cref="CertificateStamp"/>.
/// Damage is reported in <see cref="ObservedCertificate.Problem"/>, never thrown; a symlink
/// where the directory or a file should be is (<see cref="UnsafePathException"/>).
/// </summary>
internal static class ObservedCertificateReader
{
    /// <summary>The issuer common name prefix of minica's CA (and ours).</summary>
    public const string PlaceholderIssuerPrefix = "minica root ca";

    /// <summary>The observed state, or null when no certificate file is there at all.</summary>
    public static ObservedCertificate? Read(RootedFileSystem root, string name)
    {
        using var directory = root.TryOpenDirectory(StateLayout.HostCertificateDirectory(StateLayout.ValidName(name)));
        if (directory?.TryReadAllText(StateLayout.FullChainFile) is not { } fullChain) return null;

        if (Leaf(name, fullChain, "fullchain.pem", out var damaged) is not { } leaf) return damaged!;
        var observed = Describe(name, leaf);
        observed = observed with { HasMatchingKey = KeyMatches(directory, leaf, out var keyProblem), Problem = keyProblem };

        if (!observed.IsPlaceholder && directory.TryReadAllText(StateLayout.StampFile) is { } stampText && CertificateStamp.Parse(stampText) is { } stamp)
        {
            observed = observed with
            {
                RecordedServer = stamp.Server,
                RecordedDomainHash = stamp.DomainHash,
                RecordedAccountHash = stamp.AccountHash,
                RecordedCertDirHash = stamp.CertDirHash,
                SuggestedWindow = stamp.SuggestedWindow,
            };
        }
        return observed;
    }

    /// <summary>
    /// What <paramref name="material"/> would be once installed under <paramref name="name"/>, read as
    /// <see cref="Read"/> reads the files, with <paramref name="orderedFor"/> recorded as the domain
    /// hash (so the planner also sees a changed order of names). For material that never touched
    /// this disk: a certificate another host stored in the cluster.
    /// </summary>
    public static ObservedCertificate FromMaterial(string name, CertificateMaterial material, IReadOnlyList<Identifier> orderedFor)
    {
        if (Leaf(name, material.FullChainPem, "the stored chain", out var damaged) is not { } leaf) return damaged!;
        using var key = PemKeys.TryLoad(material.KeyPem);
        return Describe(name, leaf) with
        {
            HasMatchingKey = key is not null && PemKeys.Matches(leaf, key),
            Problem = key is null ? "the stored key is no EC or RSA private key" : null,
            RecordedDomainHash = orderedFor.Count == 0 ? null : NixOsHashes.DomainHash(orderedFor),
        };
    }

    /// <summary>The leaf of <paramref name="chainPem"/>, or null with <paramref name="damaged"/> saying why <paramref name="what"/> cannot be used.</summary>
    private static X509Certificate2? Leaf(string name, string chainPem, string what, out ObservedCertificate? damaged)
    {
        damaged = null;
        try
        {
            var certificates = PemKeys.Certificates(chainPem);
            if (certificates.Length > 0) return certificates[0];
            damaged = Damaged(name, $"{what} holds no certificate");
        }
        catch (CryptographicException e)
        {
            damaged = Damaged(name, $"{what} cannot be read: {e.Message}");
        }
        return null;
    }

    /// <summary>What the leaf itself says: names, validity, key type, issuer, and whether it is the placeholder.</summary>
    private static ObservedCertificate Describe(string name, X509Certificate2 leaf) => new()
    {
        Name = name,
        Domains = DnsNames(leaf),
        NotBefore = new DateTimeOffset(leaf.NotBefore.ToUniversalTime(), TimeSpan.Zero),
        NotAfter = new DateTimeOffset(leaf.NotAfter.ToUniversalTime(), TimeSpan.Zero),
        KeyType = KeyTypeOf(leaf),
        Issuer = leaf.Issuer,
        IsPlaceholder = leaf.GetNameInfo(X509NameType.SimpleName, forIssuer: true)
            .StartsWith(PlaceholderIssuerPrefix, StringComparison.OrdinalIgnoreCase),
    };

    private static ObservedCertificate Damaged(string name, string problem) => new() { Name = name, Problem = problem };

    private static bool KeyMatches(RootedDirectory directory, X509Certificate2 leaf, out string? problem)
    {
        if (directory.TryReadAllText(StateLayout.KeyFile) is not { } keyPem)
        {
            problem = "key.pem is missing";
            return false;
        }
        using var key = PemKeys.TryLoad(keyPem);
        if (key is null)
        {
            problem = "key.pem holds no EC or RSA private key";
            return false;
        }
        if (!PemKeys.Matches(leaf, key))
        {
            problem = "key.pem does not belong to the certificate";
            return false;
        }
        problem = null;
        return true;
    }

    private static IReadOnlyList<Identifier> DnsNames(X509Certificate2 leaf)
    {
        var names = new List<Identifier>();
        foreach (var extension in leaf.Extensions)
        {
            if (extension is X509SubjectAlternativeNameExtension san)
            {
                names.AddRange(san.EnumerateDnsNames().Select(Identifier.Dns));
            }
        }
        return names;
    }

    private static KeyType? KeyTypeOf(X509Certificate2 leaf)
    {
        using var ec = leaf.GetECDsaPublicKey();
        if (ec is not null) return KeyTypes.TryFromKey(isEcdsa: true, ec.KeySize, out var ecType) ? ecType : null;
        using var rsa = leaf.GetRSAPublicKey();
        if (rsa is not null) return KeyTypes.TryFromKey(isEcdsa: false, rsa.KeySize, out var rsaType) ? rsaType : null;
        return null;
    }
}
