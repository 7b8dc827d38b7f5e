using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ConfigLang.Acme.Protocol;

/// <summary>
/// One certificate chain as downloaded (PEM, leaf first). Knows the leaf, the issuer part
/// (<c>chain.pem</c>) and the name that <c>preferredChain</c> is matched against: the issuer
/// common name of the top-most certificate, as lego does.
/// </summary>
public sealed class CertificateChain
{
    /// <summary>
    /// Certificates one chain may hold: real chains hold two to four; a hostile 16 MiB answer would
    /// hold thousands, each parsed and then installed.
    /// </summary>
    public const int MaxCertificates = 16;

    private CertificateChain(Uri source, IReadOnlyList<X509Certificate2> certificates)
    {
        Source = source;
        Certificates = certificates;
        // What is installed is the certificate as parsed, never the server's text around or inside the PEM markers.
        Pems = certificates.Select(c => c.ExportCertificatePem() + "\n").ToList();
    }

    public Uri Source { get; }

    /// <summary>Each certificate as its own PEM block, leaf first.</summary>
    public IReadOnlyList<string> Pems { get; }

    public IReadOnlyList<X509Certificate2> Certificates { get; }

    public X509Certificate2 Leaf => Certificates[0];

    public string CertificatePem => Pems[0];

    public string ChainPem => string.Concat(Pems.Skip(1));

    public string FullChainPem => string.Concat(Pems);

    /// <summary>Issuer CN of the last certificate: the root this chain leads to.</summary>
    public string TopIssuerName => CommonName(Certificates[^1].IssuerName) ?? Certificates[^1].Issuer;

    /// <summary>True when <paramref name="name"/> is the top issuer's CN or the CN of any certificate above the leaf.</summary>
    public bool Matches(string name) =>
        string.Equals(TopIssuerName, name, StringComparison.Ordinal)
        || Certificates.Skip(1).Any(c => string.Equals(CommonName(c.SubjectName), name, StringComparison.Ordinal));

    public static CertificateChain Parse(string pemBundle, Uri source)
    {
        const string begin = "-----BEGIN CERTIFICATE-----";
        const string end = "-----END CERTIFICATE-----";
        var certificates = new List<X509Certificate2>();
        var index = 0;
        while ((index = pemBundle.IndexOf(begin, index, StringComparison.Ordinal)) >= 0)
        {
            var stop = pemBundle.IndexOf(end, index, StringComparison.Ordinal);
            if (stop < 0) break;
            stop += end.Length;
            if (certificates.Count == MaxCertificates)
                throw new AcmeException($"{source} returned a chain of more than {MaxCertificates} certificates");
            certificates.Add(ParseOne(pemBundle.AsSpan(index, stop - index), certificates.Count + 1, source));
            index = stop;
        }
        if (certificates.Count == 0) throw new AcmeException($"{source} returned no PEM certificate");
        return new CertificateChain(source, certificates);
    }

    private static X509Certificate2 ParseOne(ReadOnlySpan<char> block, int position, Uri source)
    {
        try
        {
            return X509Certificate2.CreateFromPem(block);
        }
        catch (CryptographicException)
        {
            throw new AcmeException($"{source} returned a chain whose certificate {position} is not a PEM certificate");
        }
    }

    /// <summary>The chain matching <paramref name="preferred"/>, else the first (the server's default).</summary>
    public static CertificateChain Choose(IReadOnlyList<CertificateChain> chains, string? preferred)
    {
        if (!string.IsNullOrEmpty(preferred))
        {
            foreach (var chain in chains)
            {
                if (chain.Matches(preferred)) return chain;
            }
        }
        return chains[0];
    }

    private static string? CommonName(X500DistinguishedName name)
    {
        foreach (var rdn in name.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.GetSingleElementType().Value == "2.5.4.3") return rdn.GetSingleElementValue();
        }
        return null;
    }
}
