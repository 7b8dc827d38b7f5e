using ConfigLang.Evaluator.Text;

namespace ConfigLang.Cli.Rendering.DiagnosticFormats;

/// <summary>
/// A source location turned into what the machine-readable formats print: the displayed path
/// and 1-based line/column of the span's start and end. The end is the position just after the
/// last character (as in SARIF), so an empty span has equal start and end.
/// </summary>
public readonly record struct RenderedLocation(string File, int Line, int Column, int EndLine, int EndColumn)
{
    public static RenderedLocation From(SourceLocation location, DisplayPaths paths)
    {
        var start = location.Start;
        var end = location.End;
        return new RenderedLocation(paths.Display(location.Source.Name), start.Line, start.Column, end.Line, end.Column);
    }
}
