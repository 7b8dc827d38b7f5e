namespace ConfigLang.Cli.Rendering.DiagnosticFormats.Json;

/// <summary>
/// The document of <c>lint --format json</c>, exactly as design/contracts.md gives it:
/// <c>{ "diagnostics": [...], "errors": N, "warnings": N }</c>. Property order here is the
/// order in the output; absent values are written as <c>null</c> so every object has every key.
/// </summary>
public sealed record LintJsonReport(IReadOnlyList<LintJsonDiagnostic> Diagnostics, int Errors, int Warnings);

/// <summary>One diagnostic: severity (<c>error</c>, <c>warning</c>, <c>note</c>), code, message,
/// the primary span (end exclusive), the option path it is about, and its notes.</summary>
public sealed record LintJsonDiagnostic(
    string Severity,
    string Code,
    string Message,
    string? File,
    int? Line,
    int? Column,
    int? EndLine,
    int? EndColumn,
    string? Option,
    IReadOnlyList<LintJsonNote> Notes);

/// <summary>A note: a label of the diagnostic (with its location) or a free note (location null).</summary>
public sealed record LintJsonNote(string Message, string? File, int? Line, int? Column);
