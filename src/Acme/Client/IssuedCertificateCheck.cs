using System.Net;
using System.Security.Cryptography.X509Certificates;
using ConfigLang.Acme.Crypto;
using ConfigLang.Acme.Protocol;
using ConfigLang.Acme.Storage;

namespace ConfigLang.Acme.Client;

/// <summary>
/// What the server sends as the issued certificate is checked before anything is installed: its
/// leaf must name every ordered name, or a broken or hostile server (or a certificate URL answered
/// by someone else) would make a rebuild install a certificate for other names. It must also carry
/// the public key of the CSR this order sent: storing checks that too
/// (<see cref="CertificateMaterial.FromAcme"/>), but this check fails earlier, with the URL.
/// </summary>
internal static class IssuedCertificateCheck
{
    public static void Verify(CertificateChain chain, CertificateKey key, IReadOnlyList<string> names)
    {
        var leaf = chain.Leaf;
        if (!PemKeys.Matches(leaf, key.Key))
            throw new AcmeException($"the certificate from {chain.Source} is for another key than the one this order's CSR sent: not installed");

        var (dnsNames, addresses) = SubjectAlternativeNames(leaf);
        var missing = names.Where(name => !Covers(dnsNames, addresses, name)).ToList();
        if (missing.Count == 0) return;
        var named = dnsNames.Concat(addresses.Select(a => a.ToString())).ToList();
        // A hostile leaf may carry thousands of names.
        var listed = named.Count == 0 ? "no names" : ShortList.Join(named, n => ServerText.Quote(n, ServerText.FieldLength));
        throw new AcmeException($"the certificate from {chain.Source} does not name {string.Join(", ", missing.Select(n => $"'{n}'"))} (it names {listed}): not installed");
    }

    private static bool Covers(List<string> dnsNames, List<IPAddress> addresses, string name) =>
        IPAddress.TryParse(name, out _)
            ? addresses.Any(address => SameName.IsAddress(name, address))
            : dnsNames.Any(dnsName => SameName.Is(name, dnsName));

    private static (List<string> DnsNames, List<IPAddress> Addresses) SubjectAlternativeNames(X509Certificate2 leaf)
    {
        var dnsNames = new List<string>();
        var addresses = new List<IPAddress>();
        foreach (var extension in leaf.Extensions)
        {
            // .NET hands the SAN extension out as its own type, decoded lazily: enumerating may throw.
            if (extension is not X509SubjectAlternativeNameExtension san) continue;
            try
            {
                dnsNames.AddRange(san.EnumerateDnsNames().Select(n => n.TrimEnd('.')));
                addresses.AddRange(san.EnumerateIPAddresses());
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                // An undecodable extension names nothing: the names check below then fails with the missing names.
            }
        }
        return (dnsNames, addresses);
    }
}
