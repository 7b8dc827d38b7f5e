namespace ConfigLang.Acme.Model;

/// <summary>
/// What is on disk for one certificate name. Read by the store, compared by the planner. The
/// <c>Recorded…</c> values come from the stamp written beside the certificate at install time;
/// they are null for certificates this tool did not install.
/// </summary>
public sealed record ObservedCertificate
{
    /// <summary>The certificate name (directory name).</summary>
    public required string Name { get; init; }

    /// <summary>The subject alternative names of the leaf, in certificate order.</summary>
    public IReadOnlyList<Identifier> Domains { get; init; } = [];

    /// <summary>Start of validity of the leaf.</summary>
    public DateTimeOffset NotBefore { get; init; }

    /// <summary>End of validity of the leaf.</summary>
    public DateTimeOffset NotAfter { get; init; }

    /// <summary>The key type of the leaf's public key, null if it is none NixOS knows.</summary>
    public KeyType? KeyType { get; init; }

    /// <summary>The issuer's distinguished name.</summary>
    public string Issuer { get; init; } = "";

    /// <summary>True for the self-signed (minica) stand-in installed before the first issuance.</summary>
    public bool IsPlaceholder { get; init; }

    /// <summary>True when <c>key.pem</c> exists and matches the leaf.</summary>
    public bool HasMatchingKey { get; init; }

    /// <summary>Why the files cannot be used (unreadable PEM, missing key, …); null when usable.</summary>
    public string? Problem { get; init; }

    /// <summary>The ACME server the certificate was ordered from, if recorded.</summary>
    public string? RecordedServer { get; init; }

    /// <summary>The domain hash of the configuration that ordered it, if recorded.</summary>
    public string? RecordedDomainHash { get; init; }

    /// <summary>The account hash of the account that ordered it, if recorded.</summary>
    public string? RecordedAccountHash { get; init; }

    /// <summary>The cert-dir variant hash of the configuration that ordered it, if recorded.</summary>
    public string? RecordedCertDirHash { get; init; }

    /// <summary>The CA's suggested renewal window (ARI), if the executor recorded one.</summary>
    public SuggestedRenewalWindow? SuggestedWindow { get; init; }

    /// <summary>True when the certificate can be served (a readable leaf with its key).</summary>
    public bool IsUsable => Problem is null && HasMatchingKey;
}
