using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Host.Fleet;

/// <summary>
/// Runs the <see cref="IFleetCheck"/>s over the hosts of one lint run, ordered by file (ordinal)
/// so that the findings and their labels come out the same whatever order the shell expanded
/// <c>hosts/*.nix</c> in. Fewer than two hosts make no fleet.
/// </summary>
public sealed class FleetLinter(IEnumerable<IFleetCheck> checks)
{
    /// <summary>
    /// <c>configlang lint FILE...</c>: every host's own findings, then (with several files) the
    /// findings across them. Each host is evaluated once; only its small fleet view is kept.
    /// </summary>
    public IReadOnlyList<Diagnostic> LintHosts(HostLinter linter, IReadOnlyList<string> files, EvaluatorOptions options, bool showTrace = false)
    {
        var diagnostics = new List<Diagnostic>();
        var members = new List<FleetMember>();
        foreach (var file in files)
        {
            var linted = linter.Run<object?>(file, options, "/", null, showTrace, fleet: files.Count > 1);
            diagnostics.AddRange(linted.Diagnostics);
            if (linted.Member is { } member) members.Add(member);
        }
        diagnostics.AddRange(Lint(members));
        return diagnostics;
    }

    public IReadOnlyList<Diagnostic> Lint(IEnumerable<FleetMember> members)
    {
        var ordered = members.DistinctBy(m => m.File).OrderBy(m => m.File, StringComparer.Ordinal).ToList();
        if (ordered.Count < 2) return [];
        return [.. checks.SelectMany(check => check.Check(ordered))];
    }
}
