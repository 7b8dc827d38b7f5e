using System.Globalization;
using System.Text;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Cli.Rendering.DiagnosticFormats.GitHub;

/// <summary>
/// <c>--format github</c>: one GitHub Actions workflow command per diagnostic, which the runner
/// turns into an annotation on the file:
/// <c>::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::message</c>. Warnings use
/// <c>::warning</c>, notes <c>::notice</c>. Labels and free notes follow the message on their
/// own lines. Columns are given only for single-line spans, as GitHub ignores them otherwise.
/// A plain summary line closes the output. The runner's log shows the message as it is, so the
/// input's control characters are shown escaped (<see cref="TerminalText"/>) before the command's own escaping,
/// and the markers Azure's and GitHub's older parsers obey anywhere in a line (<c>##vso[</c>, <c>##[</c>) as
/// <see cref="CommandMarkerGuard"/> shows them, since that guard leaves this format's stream alone.
/// </summary>
public sealed class GitHubDiagnosticWriter : IDiagnosticWriter
{
    public string Name => "github";

    // The runner reads workflow commands from standard output.
    public DiagnosticOutputStream PreferredStream => DiagnosticOutputStream.StandardOutput;

    public bool EmitsWorkflowCommands => true;

    public void Write(DiagnosticReport report, TextWriter output, DiagnosticWriterOptions options)
    {
        foreach (var diagnostic in report.Diagnostics)
        {
            output.Write(Command(diagnostic, report));
            output.Write('\n');
        }
        output.Write(report.Summary);
        output.Write('\n');
    }

    private static string Command(Diagnostic diagnostic, DiagnosticReport report)
    {
        var properties = new List<(string Name, string Value)>();
        if (diagnostic.Location is { } location)
        {
            var at = report.Render(location);
            properties.Add(("file", at.File));
            properties.Add(("line", at.Line.ToString(CultureInfo.InvariantCulture)));
            if (at.Line == at.EndLine) properties.Add(("col", at.Column.ToString(CultureInfo.InvariantCulture)));
            properties.Add(("endLine", at.EndLine.ToString(CultureInfo.InvariantCulture)));
            if (at.Line == at.EndLine) properties.Add(("endColumn", at.EndColumn.ToString(CultureInfo.InvariantCulture)));
        }
        properties.Add(("title", diagnostic.Code));

        var message = new StringBuilder(diagnostic.Message);
        foreach (var label in diagnostic.Labels)
        {
            var at = report.Render(label.Location);
            message.Append('\n').Append($"{at.File}:{at.Line}:{at.Column}: {label.Message}");
        }
        foreach (var note in diagnostic.Notes) message.Append("\nnote: ").Append(note);

        var command = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "notice",
        };
        var joined = string.Join(',', properties.Select(p => $"{p.Name}={WorkflowCommandEscaping.EscapeProperty(TerminalText.Escape(p.Value))}"));
        // The runner obeys this line's start; a marker the file or message holds (##[, ##vso[) is shown, not obeyed.
        return CommandMarkerGuard.EscapeMarkersWithinLine($"::{command} {joined}::{WorkflowCommandEscaping.EscapeData(TerminalText.Escape(message.ToString()))}");
    }
}
