using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Cli.Rendering.DiagnosticFormats;

/// <summary>
/// <c>--format text</c>: each diagnostic as <see cref="DiagnosticFormatter"/> renders it (header,
/// location, excerpt, carets, notes), separated by blank lines, then a summary line such as
/// <c>2 errors, 1 warning</c>. Paths are shown as <see cref="DisplayPaths"/> decides.
/// </summary>
public sealed class TextDiagnosticWriter : IDiagnosticWriter
{
    public string Name => "text";

    public DiagnosticOutputStream PreferredStream => DiagnosticOutputStream.StandardError;

    public void Write(DiagnosticReport report, TextWriter output, DiagnosticWriterOptions options)
    {
        var formatter = new DiagnosticFormatter(options.UseColor);
        var renamed = new Dictionary<SourceText, SourceText>(ReferenceEqualityComparer.Instance);
        foreach (var diagnostic in report.Diagnostics)
        {
            output.Write(formatter.Format(WithDisplayedPaths(diagnostic, report.Paths, renamed)));
            output.Write('\n');
        }
        output.Write(report.Summary);
        output.Write('\n');
    }

    // The formatter prints SourceText.Name as it is; a copy of each source under its displayed
    // name (one per source, so "same file as the primary span" comparisons still hold) makes it
    // print relative paths without the evaluator knowing about working directories.
    private static Diagnostic WithDisplayedPaths(Diagnostic diagnostic, DisplayPaths paths, Dictionary<SourceText, SourceText> renamed)
    {
        SourceLocation Rename(SourceLocation location)
        {
            if (!renamed.TryGetValue(location.Source, out var shown))
            {
                var displayed = paths.Display(location.Source.Name);
                shown = displayed == location.Source.Name ? location.Source : new SourceText(location.Source.Text, displayed);
                renamed[location.Source] = shown;
            }
            return location with { Source = shown };
        }

        return diagnostic with
        {
            Location = diagnostic.Location is { } primary ? Rename(primary) : null,
            Labels = [.. diagnostic.Labels.Select(label => label with { Location = Rename(label.Location) })],
        };
    }
}
