using ConfigLang.Acme.Planning;
using ConfigLang.Acme.Storage;

namespace ConfigLang.Acme.Execution;

/// <summary>
/// Everything a run did: the plan it followed, one <see cref="CertificateOutcome"/> per
/// certificate (sorted by name), permission findings, account changes, reloads, and the overall
/// <see cref="Result"/> with its <see cref="ExitCode"/>.
/// </summary>
public sealed record RebuildSummary
{
    /// <summary>The plan the run followed.</summary>
    public required Plan Plan { get; init; }

    /// <summary>One per planned certificate, sorted by name.</summary>
    public required IReadOnlyList<CertificateOutcome> Certificates { get; init; }

    /// <summary>Wrong modes or owners found (and repaired unless dry run).</summary>
    public IReadOnlyList<PermissionFinding> PermissionFindings { get; init; } = [];

    /// <summary>Users and groups added under the root, one phrase each.</summary>
    public IReadOnlyList<string> AccountChanges { get; init; } = [];

    /// <summary>
    /// Where this host's own ACME account keys were kept (hard links, never deleted) when it joined a
    /// cluster holding another: the account it had stays registered at the CA, for a person to deactivate.
    /// </summary>
    public IReadOnlyList<string> KeptAccountKeys { get; init; } = [];

    /// <summary>The units reloaded after certificates changed (empty when none changed).</summary>
    public IReadOnlyList<string> ReloadedServices { get; init; } = [];

    /// <summary>Errors that belong to no single certificate (a failed reload).</summary>
    public IReadOnlyList<string> OtherErrors { get; init; } = [];

    /// <summary>How many certificates this run ordered from the CA (not those installed from a cluster).</summary>
    public int Orders => Certificates.Count(c => c.Ordered);

    /// <summary>The overall result.</summary>
    public required RebuildResult Result { get; init; }

    /// <summary>0 success, 1 plan errors, 3 execution failure (contracts.md).</summary>
    public int ExitCode => Result switch
    {
        RebuildResult.Succeeded => 0,
        RebuildResult.PlanRejected => 1,
        _ => 3,
    };
}
