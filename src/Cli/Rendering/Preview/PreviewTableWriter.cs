using System.Text;
using ConfigLang.Acme.Model;
using ConfigLang.Acme.Planning;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Cli.Rendering.Preview;

/// <summary>
/// The plan for people: one row per certificate (name, action, challenge, domains, expiry, reason;
/// with a cluster, what the cluster holds), then the planner's issues, laid out by <see cref="PlainTable"/>.
/// </summary>
public static class PreviewTableWriter
{
    private static readonly string[] Header = ["CERTIFICATE", "ACTION", "CHALLENGE", "DOMAINS", "NOT AFTER", "REASON"];

    public static string Write(Plan plan, ClusterPreview? cluster = null)
    {
        string[] header = cluster is null ? Header : [.. Header[..^1], "CLUSTER", Header[^1]];
        var rows = plan.Steps.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s =>
        {
            string[] row =
            [
                s.Name,
                PlanActions.Format(s.Action),
                ChallengeKinds.Format(s.Request.Challenge.Kind),
                string.Join(", ", s.Request.Domains.Select(d => d.Value)),
                s.NotAfter is { } n ? PreviewJsonWriter.Instant(n) : "-",
            ];
            if (cluster is not null) row = [.. row, cluster.Stored.TryGetValue(s.Name, out var stored) ? stored.Cell : "-"];
            return (string[])[.. row, s.Reason];
        });
        var text = new StringBuilder();
        if (cluster?.Error is { } error) text.Append($"cluster: {TerminalText.EscapeLine(error)}; the plan is shown without it\n");
        PlainTable.Append(text, header, rows);
        PlainTable.AppendIssues(text, plan.Issues);
        return text.ToString();
    }
}
