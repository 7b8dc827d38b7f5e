using ConfigLang.Acme.Model;

namespace ConfigLang.Acme.Storage;

/// <summary>
/// Where NixOS keeps ACME state, below a root (<c>/</c> on a host, a temporary folder in tests):
/// <c>&lt;root&gt;/var/lib/acme/&lt;name&gt;/</c> for each certificate's files,
/// <c>.accounts/&lt;accountHash&gt;/</c> for account keys, <c>.minica/</c> for the placeholder CA.
/// </summary>
public sealed class StateLayout(string root)
{
    /// <summary>The state directory on a host, without the root prefix.</summary>
    public const string HostStateDirectory = "/var/lib/acme";

    /// <summary>Leaf plus issuer chain.</summary>
    public const string FullChainFile = "fullchain.pem";
    /// <summary>The issuer chain.</summary>
    public const string ChainFile = "chain.pem";
    /// <summary>The private key.</summary>
    public const string KeyFile = "key.pem";
    /// <summary>A symlink to fullchain.pem (CA-issued) or the leaf alone (placeholder).</summary>
    public const string CertFile = "cert.pem";
    /// <summary>key.pem followed by fullchain.pem.</summary>
    public const string FullFile = "full.pem";
    /// <summary>Marker written after the first CA-issued install; the placeholder is no longer made.</summary>
    public const string SuccessMarker = "acme-success";
    /// <summary>
    /// Marker written with a new certificate whose request has a postRun, removed once postRun
    /// succeeded: a postRun that failed (or never ran: a crash) runs again on the next rebuild or renew.
    /// </summary>
    public const string PostRunPendingMarker = "postrun-pending";
    /// <summary>The hashes and server the installed certificate was ordered with (see <see cref="CertificateStamp"/>).</summary>
    public const string StampFile = "configlang.stamp";

    /// <summary>The root every path is below.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary><c>&lt;root&gt;/var/lib/acme</c>.</summary>
    public string StateDirectory => Path.Combine(Root, "var", "lib", "acme");

    /// <summary><c>&lt;root&gt;/var/lib/acme/&lt;name&gt;</c>.</summary>
    public string CertificateDirectory(string name) => Path.Combine(StateDirectory, ValidName(name));

    /// <summary><paramref name="name"/> when it can be a certificate directory's name (one component, not hidden).</summary>
    public static string ValidName(string name)
    {
        if (CertificateName.Problem(name) is { } why)
        {
            throw new ArgumentException($"'{name}' cannot name a certificate directory: {why}", nameof(name));
        }
        return name;
    }

    /// <summary>A file in a certificate's directory.</summary>
    public string CertificateFile(string name, string file) => Path.Combine(CertificateDirectory(name), file);

    /// <summary><c>&lt;root&gt;/var/lib/acme/.accounts</c>.</summary>
    public string AccountsDirectory => Path.Combine(StateDirectory, ".accounts");

    /// <summary><c>&lt;root&gt;/var/lib/acme/.minica</c>, the placeholder CA.</summary>
    public string MinicaDirectory => Path.Combine(StateDirectory, ".minica");

    /// <summary>The host path of the accounts directory.</summary>
    public const string HostAccountsDirectory = HostStateDirectory + "/.accounts";

    /// <summary>The host path of a certificate's directory (what consumers are configured with).</summary>
    public static string HostCertificateDirectory(string name) => HostStateDirectory + "/" + name;
}
