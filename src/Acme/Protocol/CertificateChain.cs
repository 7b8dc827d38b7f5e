using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace ConfigLang.Acme.Protocol;

/// <summary>
/// One certificate chain as downloaded (PEM, leaf first). Knows the leaf, the issuer part
/// (<c>chain.pem</c>) and the name that <c>preferredChain</c> is matched against: the issuer
/// common name of the top-most certificate, as lego does.
/// </summary>
public sealed class CertificateChain
{
    private CertificateChain(Uri source, IReadOnlyList<string> pems)
    {
        Source = source;
        Pems = pems;
        Certificates = pems.Select(p => X509Certificate2.CreateFromPem(p)).ToList();
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
        var pems = new List<string>();
        var index = 0;
        while ((index = pemBundle.IndexOf(begin, index, StringComparison.Ordinal)) >= 0)
        {
            var stop = pemBundle.IndexOf(end, index, StringComparison.Ordinal);
            if (stop < 0) break;
            stop += end.Length;
            pems.Add(new StringBuilder(pemBundle, index, stop - index, stop - index + 1).Append('\n').ToString());
            index = stop;
        }
        if (pems.Count == 0) throw new AcmeException($"{source} returned no PEM certificate");
        return new CertificateChain(source, pems);
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
