using System.Security.Cryptography;
using System.Text;

namespace ConfigLang.Acme.Model;

/// <summary>
/// The hashes NixOS's ACME module stores beside its state to notice configuration changes
/// (fact sheet §2.4). Reproduced exactly so state written by NixOS stays meaningful:
/// <c>mkHash(s)</c> is the first 20 hex characters of <c>sha256(s)</c>.
/// </summary>
public static class NixOsHashes
{
    /// <summary>The first 20 lower-case hex characters of the SHA-256 of <paramref name="text"/> (UTF-8).</summary>
    public static string MkHash(string text)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(digest)[..20];
    }

    /// <summary><c>mkHash("&lt;server&gt; &lt;keyType&gt; &lt;email&gt;")</c>, null values as empty strings.</summary>
    public static string AccountHash(AccountSpec account) =>
        MkHash($"{account.Server ?? ""} {KeyTypes.Format(account.KeyType)} {account.Email ?? ""}");

    /// <summary>
    /// <c>mkHash("&lt;extras joined by space&gt; &lt;domain&gt;")</c>: order-sensitive, with a leading
    /// space when there are no extra names. Any change forces a new order (lego's renew never drops a name).
    /// </summary>
    public static string DomainHash(IReadOnlyList<Identifier> domains)
    {
        if (domains.Count == 0) throw new ArgumentException("a certificate needs at least one domain", nameof(domains));
        var extras = string.Join(' ', domains.Skip(1).Select(d => d.Value));
        return MkHash($"{extras} {domains[0].Value}");
    }

    /// <summary>
    /// The cert-dir variant hash over the settings that change what lego orders: extra flags,
    /// server, DNS provider, must-staple, key type, then csr and profile when set.
    /// </summary>
    public static string CertDirHash(CertificateRequest request)
    {
        var text = new StringBuilder()
            .Append(string.Join(' ', request.ExtraLegoFlags)).Append(" -\n")
            .Append(string.Join(' ', request.ExtraLegoRunFlags)).Append(" -\n")
            .Append(string.Join(' ', request.ExtraLegoRenewFlags)).Append(" -\n")
            .Append(request.Server ?? "").Append(' ').Append(request.Challenge.DnsProvider ?? "").Append('\n')
            .Append(request.OcspMustStaple ? "1" : "").Append(' ').Append(KeyTypes.Format(request.KeyType)).Append('\n');
        if (request.Csr is not null) text.Append(" - ").Append(request.Csr);
        if (request.Profile is not null) text.Append(" - ").Append(request.Profile);
        return MkHash(text.ToString());
    }
}
