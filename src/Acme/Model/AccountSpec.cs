namespace ConfigLang.Acme.Model;

/// <summary>
/// The ACME account a certificate is ordered with. NixOS keeps one account per
/// (server, key type, email): changing any of them means a new account directory and a new
/// certificate. <see cref="Hash"/> names that directory.
/// </summary>
/// <param name="Server">The ACME directory URL; null = lego's default (Let's Encrypt production).</param>
/// <param name="KeyType">The certificate key type (NixOS also uses it for the account).</param>
/// <param name="Email">The contact address; null registers without contact.</param>
public sealed record AccountSpec(string? Server, KeyType KeyType, string? Email)
{
    /// <summary>NixOS's <c>accountHash</c>: <c>mkHash("&lt;server&gt; &lt;keyType&gt; &lt;email&gt;")</c>.</summary>
    public string Hash => NixOsHashes.AccountHash(this);
}
