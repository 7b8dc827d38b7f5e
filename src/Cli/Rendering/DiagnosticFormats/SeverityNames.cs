using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Cli.Rendering.DiagnosticFormats;

/// <summary>The lower-case severity words of the text and JSON formats, which SARIF's
/// <c>level</c> values happen to share: <c>error</c>, <c>warning</c>, <c>note</c>.</summary>
public static class SeverityNames
{
    public static string Of(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };
}
