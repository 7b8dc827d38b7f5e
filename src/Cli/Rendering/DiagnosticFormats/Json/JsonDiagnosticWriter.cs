using System.Text.Encodings.Web;
using System.Text.Json;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Cli.Rendering.DiagnosticFormats.Json;

/// <summary>
/// <c>--format json</c>: the <see cref="LintJsonReport"/> document, indented, one trailing newline.
/// Labels become notes with their locations; free notes follow them with null locations.
/// </summary>
public sealed class JsonDiagnosticWriter : IDiagnosticWriter
{
    // Relaxed escaping keeps quotes and non-ASCII readable (`\"example.org\"`, not `\u0022`);
    // the output is a JSON document, never embedded in HTML.
    private static readonly LintJsonContext Context = new(new JsonSerializerOptions(LintJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    });

    public string Name => "json";

    public DiagnosticOutputStream PreferredStream => DiagnosticOutputStream.StandardOutput;

    public void Write(DiagnosticReport report, TextWriter output, DiagnosticWriterOptions options)
    {
        output.Write(JsonSerializer.Serialize(ToDocument(report), Context.LintJsonReport));
        output.Write('\n');
    }

    public static LintJsonReport ToDocument(DiagnosticReport report) =>
        new([.. report.Diagnostics.Select(d => ToDocument(d, report))], report.Errors, report.Warnings);

    private static LintJsonDiagnostic ToDocument(Diagnostic diagnostic, DiagnosticReport report)
    {
        var at = diagnostic.Location is { } location ? report.Render(location) : (RenderedLocation?)null;
        var notes = diagnostic.Labels
            .Select(label => (Label: label, At: report.Render(label.Location)))
            .Select(x => new LintJsonNote(x.Label.Message, x.At.File, x.At.Line, x.At.Column))
            .Concat(diagnostic.Notes.Select(note => new LintJsonNote(note, null, null, null)));
        return new LintJsonDiagnostic(
            SeverityNames.Of(diagnostic.Severity), diagnostic.Code, diagnostic.Message,
            at?.File, at?.Line, at?.Column, at?.EndLine, at?.EndColumn,
            diagnostic.Subject, [.. notes]);
    }
}
