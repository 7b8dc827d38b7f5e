namespace ConfigLang.Acme.Model;

/// <summary>
/// One wanted certificate, fully resolved from <c>security.acme.certs.&lt;name&gt;</c>: every default
/// applied, no language values left. The planner compares it with what is on disk; the
/// executor orders it. <see cref="SourceTag"/> and <see cref="OptionSites"/> say where the
/// configuration defines the certificate and its options, so a plan issue or a failed order
/// points at the definition that decides it.
/// </summary>
public sealed record CertificateRequest
{
    /// <summary>The attribute name under <c>security.acme.certs</c>; names the directory and units.</summary>
    public required string Name { get; init; }

    /// <summary>The primary domain first, then <c>extraDomainNames</c> in order.</summary>
    public required IReadOnlyList<Identifier> Domains { get; init; }

    /// <summary>The challenge kind and its settings.</summary>
    public required ChallengeSettings Challenge { get; init; }

    /// <summary>The ACME directory URL; null = lego's default (Let's Encrypt production).</summary>
    public string? Server { get; init; } = DefaultServer;

    /// <summary>The account contact address.</summary>
    public string? Email { get; init; }

    /// <summary>The certificate key algorithm.</summary>
    public KeyType KeyType { get; init; } = KeyType.Ec256;

    /// <summary>Renew when this many whole days or fewer remain.</summary>
    public int ValidMinDays { get; init; } = 30;

    /// <summary>The systemd calendar expression of the renewal timer (<c>OnCalendar=</c>).</summary>
    public string RenewInterval { get; init; } = "daily";

    /// <summary>The host path of the output directory, <c>/var/lib/acme/&lt;name&gt;</c>.</summary>
    public string Directory { get; init; } = "";

    /// <summary>The user owning the files: <c>acme</c>, or <c>root</c> with <c>useRoot</c>.</summary>
    public string Owner { get; init; } = "acme";

    /// <summary>The group owning the files; consumers read the key through it.</summary>
    public string Group { get; init; } = "acme";

    /// <summary>Services that read the certificate (informational, e.g. <c>nginx</c>).</summary>
    public IReadOnlyList<string> UsedBy { get; init; } = [];

    /// <summary>Shell run as root in the directory after a new certificate was installed.</summary>
    public string PostRun { get; init; } = "";

    /// <summary>Units to <c>try-reload-or-restart</c> after a new certificate was installed.</summary>
    public IReadOnlyList<string> ReloadServices { get; init; } = [];

    /// <summary>Request the OCSP Must-Staple extension.</summary>
    public bool OcspMustStaple { get; init; }

    /// <summary>Flags before lego's subcommand (part of the cert-dir hash).</summary>
    public IReadOnlyList<string> ExtraLegoFlags { get; init; } = [];

    /// <summary>Flags after lego's <c>run</c> (part of the cert-dir hash).</summary>
    public IReadOnlyList<string> ExtraLegoRunFlags { get; init; } = [];

    /// <summary>Flags after lego's <c>renew</c> (part of the cert-dir hash).</summary>
    public IReadOnlyList<string> ExtraLegoRenewFlags { get; init; } = [];

    /// <summary>The ACME profile to request (draft-aaron-acme-profiles), if any.</summary>
    public string? Profile { get; init; }

    /// <summary>Path of an externally made CSR; replaces key generation.</summary>
    public string? Csr { get; init; }

    /// <summary>Path of the key matching <see cref="Csr"/>; copied to <c>key.pem</c>.</summary>
    public string? CsrKey { get; init; }

    /// <summary>Where the configuration defines this certificate, when known.</summary>
    public SourceSite? SourceTag { get; init; }

    /// <summary>Where the configuration defines the options that decide this request, by option name
    /// (<c>domain</c>, <c>renewInterval</c>, …); a default from the option library is the user's
    /// definition it inherits (<c>security.acme.defaults.X</c>), or absent.</summary>
    public IReadOnlyDictionary<string, SourceSite> OptionSites { get; init; } = new Dictionary<string, SourceSite>();

    /// <summary>Where <paramref name="option"/> is defined, else where the certificate is.</summary>
    public SourceSite? SiteOf(string? option) =>
        option is not null && OptionSites.TryGetValue(option, out var site) ? site : SourceTag;

    /// <summary>Let's Encrypt's production directory, the NixOS default server.</summary>
    public const string DefaultServer = "https://acme-v02.api.letsencrypt.org/directory";

    /// <summary>The primary domain (the first one).</summary>
    public Identifier PrimaryDomain => Domains[0];

    /// <summary>The account this certificate is ordered with.</summary>
    public AccountSpec Account => new(Server, KeyType, Email);

    /// <summary>NixOS's domain hash of <see cref="Domains"/>.</summary>
    public string DomainHash => NixOsHashes.DomainHash(Domains);

    /// <summary>NixOS's cert-dir variant hash.</summary>
    public string CertDirHash => NixOsHashes.CertDirHash(this);
}
