using System.Text;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Diagnostics;

/// <summary>
/// Renders diagnostics as text for people:
/// <code>
/// error[CL0003]: expected ';' after the binding of 'x'
///   --> path/to/file.nix:3:8
///    |
///  3 |   x = 1
///    |        ^
///    = note: …
/// </code>
/// The header, the location, the source line with a caret line under the primary span (at
/// least one caret), each secondary label the same way with its message after the carets, then
/// the notes. With <see cref="UseColor"/> the header and gutter get ANSI colours; the CLI
/// decides that from <c>--color auto|always|never</c>. Every text the input controls (messages,
/// notes, labels, file names, source lines) goes through <see cref="TerminalText"/>: lint prints
/// untrusted files, so their control characters are shown, never sent to the terminal.
/// </summary>
public sealed class DiagnosticFormatter(bool useColor = false)
{
    private const string Reset = "\u001b[0m", Bold = "\u001b[1m", Red = "\u001b[31m", Yellow = "\u001b[33m", Blue = "\u001b[34m", Cyan = "\u001b[36m";

    public bool UseColor { get; } = useColor;

    public string Format(Diagnostic diagnostic)
    {
        var builder = new StringBuilder();
        Format(diagnostic, builder);
        return builder.ToString();
    }

    public string Format(IEnumerable<Diagnostic> diagnostics)
    {
        var builder = new StringBuilder();
        foreach (var diagnostic in diagnostics) Format(diagnostic, builder);
        return builder.ToString();
    }

    private void Format(Diagnostic diagnostic, StringBuilder output)
    {
        var severity = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "note",
        };
        var severityColor = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => Red,
            DiagnosticSeverity.Warning => Yellow,
            _ => Cyan,
        };
        output.Append(Paint(Bold + severityColor, $"{severity}[{diagnostic.Code}]")).Append(Paint(Bold, ": " + TerminalText.Escape(diagnostic.Message))).Append('\n');

        var locations = new List<SourceLocation>();
        if (diagnostic.Location is { } primary) locations.Add(primary);
        locations.AddRange(diagnostic.Labels.Select(l => l.Location));
        var width = locations.Count == 0 ? 1 : locations.Max(l => l.Start.Line).ToString().Length;
        var pad = new string(' ', width + 2);

        if (diagnostic.Location is { } location)
        {
            output.Append(' ', width + 1).Append(Paint(Blue, "-->")).Append(' ').Append(TerminalText.Escape(location.ToString())).Append('\n');
            output.Append(pad).Append(Paint(Blue, "|")).Append('\n');
            AppendSnippet(output, location, null, width, severityColor);
            foreach (var label in diagnostic.Labels)
            {
                if (label.Location.Source != location.Source)
                    output.Append(' ', width + 1).Append(Paint(Blue, "-->")).Append(' ').Append(TerminalText.Escape(label.Location.ToString())).Append('\n');
                else
                    output.Append(pad).Append(Paint(Blue, "|")).Append('\n');
                AppendSnippet(output, label.Location, label.Message, width, Blue);
            }
        }
        foreach (var note in diagnostic.Notes)
        {
            output.Append(pad).Append(Paint(Blue, "=")).Append(Paint(Bold, " note")).Append(": ").Append(TerminalText.Escape(note)).Append('\n');
        }
    }

    private void AppendSnippet(StringBuilder output, SourceLocation location, string? message, int width, string caretColor)
    {
        var start = location.Start;
        var end = location.End;
        var source = location.Source;
        // Carets under the span's part on its first line; at least one.
        var caretCount = end.Line == start.Line ? end.Column - start.Column : int.MaxValue;
        var excerpt = SourceExcerpt.At(source, start.Line, start.Column, caretCount);
        var lineText = excerpt.Text;
        var column = Math.Min(excerpt.CaretColumn, lineText.Length);
        // The line is shown escaped, so the carets go under the escaped text: before the caret, and under the span.
        var shownBefore = TerminalText.Escape(lineText[..column]);
        var spanned = Math.Min(excerpt.CaretLength, lineText.Length - column);
        var shownSpan = TerminalText.Escape(lineText.Substring(column, spanned));
        output.Append(' ').Append(Paint(Blue, start.Line.ToString().PadLeft(width) + " |"));
        if (lineText.Length > 0) output.Append(' ').Append(shownBefore).Append(shownSpan).Append(TerminalText.Escape(lineText[(column + spanned)..]));
        output.Append('\n');

        var indent = new StringBuilder(shownBefore.Length);
        foreach (var c in shownBefore) indent.Append(c == '\t' ? '\t' : ' ');
        var caretLength = Math.Max(excerpt.CaretLength - spanned + shownSpan.Length, 1);
        output.Append(' ', width + 2).Append(Paint(Blue, "|")).Append(' ').Append(indent)
            .Append(Paint(Bold + caretColor, new string('^', caretLength)));
        if (message is not null) output.Append(' ').Append(Paint(Bold + caretColor, TerminalText.Escape(message)));
        output.Append('\n');
    }

    private string Paint(string color, string text) => UseColor ? color + text + Reset : text;
}
