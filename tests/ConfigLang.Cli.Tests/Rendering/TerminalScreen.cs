using System.Text.RegularExpressions;

namespace ConfigLang.Cli.Tests.Rendering;

/// <summary>
/// Replays what a live view wrote as a terminal shows it, for the two controls it uses:
/// <c>ESC[nF</c> (cursor n lines up, to the line's start) and <c>ESC[J</c> (erase to the end).
/// </summary>
public static partial class TerminalScreen
{
    public static IReadOnlyList<string> Replay(string written)
    {
        var lines = new List<string>();
        var row = 0;
        foreach (var token in Tokens().Matches(written).Select(m => m.Value))
        {
            if (token.StartsWith('\u001b'))
            {
                if (token.EndsWith('F')) row = Math.Max(0, row - int.Parse(token[2..^1]));
                else lines.RemoveRange(row, lines.Count - row);
                continue;
            }
            foreach (var (text, index) in token.Split('\n').Select((t, i) => (t, i)))
            {
                if (index > 0) row++;
                if (text.Length == 0) continue;
                while (lines.Count <= row) lines.Add("");
                lines[row] = text;
            }
        }
        return lines.Where(l => l.Length > 0).ToList();
    }

    [GeneratedRegex("\u001b\\[\\d*[FJ]|[^\u001b]+")]
    private static partial Regex Tokens();
}
