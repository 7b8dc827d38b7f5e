namespace ConfigLang.Acme.Execution;

/// <summary>What happened to one certificate in a run.</summary>
public enum CertificateOutcomeKind
{
    /// <summary>Nothing was due; the files stayed as they were.</summary>
    Unchanged,
    /// <summary>A new certificate was obtained and installed.</summary>
    Installed,
    /// <summary>The order succeeded but the certificate was identical to the installed one.</summary>
    InstalledSame,
    /// <summary>Another host of the cluster had ordered it: installed from the cluster without an order.</summary>
    InstalledFromCluster,
    /// <summary>Skipped (dry run, or a reissue in renew mode).</summary>
    Skipped,
    /// <summary>The order or the install failed; the placeholder or the previous certificate stays.</summary>
    Failed,
}
