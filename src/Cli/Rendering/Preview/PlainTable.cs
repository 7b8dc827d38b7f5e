using System.Text;
using ConfigLang.Acme.Planning;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Cli.Rendering.Preview;

/// <summary>
/// The plain-text tables of preview and rebuild: columns padded to their widest cell, two blanks
/// between them, the last one not padded (so lines carry no trailing blanks); and the planner's
/// issues after them. Cells and issues come from the configuration or the CA: each is made one line
/// with its control characters shown (<see cref="TerminalText.EscapeLine"/>) before widths are measured.
/// </summary>
internal static class PlainTable
{
    public static void Append(StringBuilder text, string[] header, IEnumerable<string[]> rows)
    {
        var cells = rows.Select(row => row.Select(TerminalText.EscapeLine).ToArray()).ToList();
        var widths = header.Select((h, i) => cells.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in cells.Prepend(header))
            text.Append(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i])))).Append('\n');
    }

    public static void AppendIssues(StringBuilder text, IEnumerable<PlanIssue> issues)
    {
        foreach (var issue in issues)
            text.Append($"{issue.Severity.ToString().ToLowerInvariant()}[{issue.Code}]: {TerminalText.EscapeLine(issue.Message)}\n");
    }
}
