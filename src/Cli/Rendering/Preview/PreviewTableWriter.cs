using System.Text;
using ConfigLang.Acme.Model;
using ConfigLang.Acme.Planning;

namespace ConfigLang.Cli.Rendering.Preview;

/// <summary>The plan for people: one row per certificate (name, action, challenge, domains, expiry, reason), then the planner's issues.</summary>
public static class PreviewTableWriter
{
    private static readonly string[] Header = ["CERTIFICATE", "ACTION", "CHALLENGE", "DOMAINS", "NOT AFTER", "REASON"];

    public static string Write(Plan plan)
    {
        var rows = plan.Steps.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new[]
        {
            s.Name,
            PlanActions.Format(s.Action),
            ChallengeKinds.Format(s.Request.Challenge.Kind),
            string.Join(", ", s.Request.Domains.Select(d => d.Value)),
            s.NotAfter is { } n ? PreviewJsonWriter.Instant(n) : "-",
            s.Reason,
        }).ToList();
        var widths = Header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(Header))
        {
            // The last column is not padded, so lines carry no trailing blanks.
            text.Append(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i])))).Append('\n');
        }
        foreach (var issue in plan.Issues)
            text.Append($"{issue.Severity.ToString().ToLowerInvariant()}[{issue.Code}]: {issue.Message}\n");
        return text.ToString();
    }
}
