namespace ConfigLang.Acme.Execution;

/// <summary>The overall result of a run, mapping to the CLI's exit codes.</summary>
public enum RebuildResult
{
    /// <summary>Everything done (exit 0).</summary>
    Succeeded,
    /// <summary>The plan has errors; nothing was touched (exit 1).</summary>
    PlanRejected,
    /// <summary>At least one order, install, hook or reload failed; the others still ran (exit 3).</summary>
    Failed,
}
