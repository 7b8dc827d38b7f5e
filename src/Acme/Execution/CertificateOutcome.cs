using ConfigLang.Acme.Planning;

namespace ConfigLang.Acme.Execution;

/// <summary>The result for one certificate: the planned action, what happened, and why it failed.</summary>
public sealed record CertificateOutcome
{
    /// <summary>The certificate name.</summary>
    public required string Name { get; init; }

    /// <summary>The planned action.</summary>
    public required PlanAction Action { get; init; }

    /// <summary>The planner's reason.</summary>
    public required string Reason { get; init; }

    /// <summary>What happened.</summary>
    public required CertificateOutcomeKind Kind { get; init; }

    /// <summary>True when a self-signed placeholder was (re)installed in this run.</summary>
    public bool PlaceholderInstalled { get; init; }

    /// <summary>End of validity of the newly installed certificate.</summary>
    public DateTimeOffset? NotAfter { get; init; }

    /// <summary>The tail of postRun's output (<see cref="OutputTail"/>), when it ran.</summary>
    public string? PostRunOutput { get; init; }

    /// <summary>True when postRun ran again for a certificate installed by an earlier run, because it had not yet succeeded.</summary>
    public bool PostRunRetried { get; init; }

    /// <summary>The failure, when <see cref="Kind"/> is <see cref="CertificateOutcomeKind.Failed"/> (or postRun failed).</summary>
    public ExecutionError? Error { get; init; }

    /// <summary>The request's source tag (for the CLI).</summary>
    public Model.SourceSite? SourceTag { get; init; }

    /// <summary>True when the served certificate changed (postRun ran, services were reloaded).</summary>
    public bool Changed => Kind is CertificateOutcomeKind.Installed or CertificateOutcomeKind.InstalledFromCluster;

    /// <summary>True when this run ordered the certificate from the CA (and got it).</summary>
    public bool Ordered => Kind is CertificateOutcomeKind.Installed or CertificateOutcomeKind.InstalledSame;
}
