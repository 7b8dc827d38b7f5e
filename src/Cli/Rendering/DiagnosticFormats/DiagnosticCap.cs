using System.Globalization;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Cli.Rendering.DiagnosticFormats;

/// <summary>
/// Keeps the output of a run proportional to a cap rather than to the input: at most
/// <see cref="MaxPerFile"/> diagnostics of each file are shown, and for each file that had more,
/// one note (code <see cref="MoreDiagnosticsCode"/>, no location) says
/// <c>and N more errors in FILE</c>. A hostile or broken file can hold hundreds of thousands of
/// problems (a set defining the same name 250,000 times); nobody reads past the first ones.
/// </summary>
public static class DiagnosticCap
{
    public const int MaxPerFile = 100;

    /// <summary>The code of the closing "and N more" note.</summary>
    public const string MoreDiagnosticsCode = "CL9010";

    /// <summary>The first <paramref name="max"/> diagnostics of each file, in the given order, then one
    /// note per file that had more. <paramref name="fileOf"/> names a diagnostic's file as shown
    /// (null for diagnostics without a location, which are capped together).</summary>
    public static IReadOnlyList<Diagnostic> Apply(IReadOnlyList<Diagnostic> diagnostics, Func<Diagnostic, string?> fileOf, int max = MaxPerFile)
    {
        if (diagnostics.Count <= max) return diagnostics;
        var shown = new Dictionary<string, int>(StringComparer.Ordinal);
        var dropped = new Dictionary<string, (int Errors, int Others)>(StringComparer.Ordinal);
        var files = new List<string>();
        var kept = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            var file = fileOf(diagnostic) ?? "";
            shown.TryGetValue(file, out var count);
            if (count < max)
            {
                shown[file] = count + 1;
                kept.Add(diagnostic);
                continue;
            }
            if (!dropped.TryGetValue(file, out var more)) files.Add(file);
            dropped[file] = diagnostic.IsError ? (more.Errors + 1, more.Others) : (more.Errors, more.Others + 1);
        }
        foreach (var file in files)
        {
            var (errors, others) = dropped[file];
            kept.Add(new Diagnostic(MoreDiagnosticsCode, DiagnosticSeverity.Note, MoreMessage(errors, others, file, max), null, [], []));
        }
        return kept;
    }

    private static string MoreMessage(int errors, int others, string file, int max)
    {
        var count = (errors + others).ToString("N0", CultureInfo.InvariantCulture);
        var what = others == 0 ? "errors" : "diagnostics";
        var where = file.Length == 0 ? "without a location" : $"in {file}";
        return $"and {count} more {what} {where} (only the first {max} of each file are shown)";
    }
}
