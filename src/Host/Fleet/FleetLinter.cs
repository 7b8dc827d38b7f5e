using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Host.Fleet;

/// <summary>
/// Runs the <see cref="IFleetCheck"/>s over the hosts of one lint run, ordered by file (ordinal)
/// so that the findings and their labels come out the same whatever order the shell expanded
/// <c>hosts/*.nix</c> in. Fewer than two hosts make no fleet.
/// </summary>
public sealed class FleetLinter(IEnumerable<IFleetCheck> checks)
{
    public IReadOnlyList<Diagnostic> Lint(IEnumerable<FleetMember> members)
    {
        var ordered = members.DistinctBy(m => m.File).OrderBy(m => m.File, StringComparer.Ordinal).ToList();
        if (ordered.Count < 2) return [];
        return [.. checks.SelectMany(check => check.Check(ordered))];
    }
}
