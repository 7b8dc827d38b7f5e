using System.Globalization;
using System.Text;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Cli.Rendering.DiagnosticFormats;

/// <summary>
/// Keeps the output of a run proportional to a cap rather than to the input, in every format: at
/// most <see cref="MaxPerFile"/> diagnostics of each file are shown, at most <see cref="MaxShown"/>
/// and about <see cref="MaxShownBytes"/> of text in all, each cut as <see cref="PrintedTextBounds.Bound"/>
/// says. For each file that had more, one note (code <see cref="MoreDiagnosticsCode"/>, no location)
/// says <c>and N more errors in FILE</c>, and one note counts what the run-wide limits left out. A
/// hostile or broken file can hold hundreds of thousands of problems (a set defining the same name
/// 250,000 times), or one problem quoting a 30 MB string; nobody reads past the first ones.
/// </summary>
public static class DiagnosticCap
{
    public const int MaxPerFile = 100;

    /// <summary>Diagnostics shown per run, over all files (many imported files of a few errors each).</summary>
    public const int MaxShown = 1_000;

    /// <summary>Text (messages, notes, labels) shown per run: 64 diagnostics quoting a cut 64 KiB each.</summary>
    public const int MaxShownBytes = 4 * 1024 * 1024;

    /// <summary>The code of the closing "and N more" note.</summary>
    public const string MoreDiagnosticsCode = "CL9010";

    /// <summary>The first <paramref name="max"/> diagnostics of each file, in the given order and cut to size,
    /// while the run-wide limits allow, then one note per file that had more and one for the rest.
    /// <paramref name="fileOf"/> names a diagnostic's file as shown (null for diagnostics without a
    /// location, which are capped together).</summary>
    public static IReadOnlyList<Diagnostic> Apply(IReadOnlyList<Diagnostic> diagnostics, Func<Diagnostic, string?> fileOf, int max = MaxPerFile)
    {
        var shown = new Dictionary<string, int>(StringComparer.Ordinal);
        var dropped = new Dictionary<string, (int Errors, int Others)>(StringComparer.Ordinal);
        var files = new List<string>();
        (int Errors, int Others) overLimit = default;
        var kept = new List<Diagnostic>(Math.Min(diagnostics.Count, MaxShown));
        long keptSize = 0;
        var full = false;
        foreach (var diagnostic in diagnostics)
        {
            var file = fileOf(diagnostic) ?? "";
            shown.TryGetValue(file, out var count);
            if (count >= max)
            {
                if (!dropped.TryGetValue(file, out var more)) files.Add(file);
                dropped[file] = Tally(more, diagnostic);
                continue;
            }
            if (full || kept.Count >= MaxShown)
            {
                overLimit = Tally(overLimit, diagnostic);
                continue;
            }
            var bounded = PrintedTextBounds.Bound(diagnostic);
            var size = Size(bounded);
            // The first is always shown; once one does not fit, the rest are counted, so what is shown is a prefix.
            if (kept.Count > 0 && keptSize + size > MaxShownBytes)
            {
                full = true;
                overLimit = Tally(overLimit, diagnostic);
                continue;
            }
            shown[file] = count + 1;
            kept.Add(bounded);
            keptSize += size;
        }
        foreach (var file in files)
        {
            var (errors, others) = dropped[file];
            kept.Add(Note(MoreMessage(errors, others, file.Length == 0 ? "without a location" : $"in {file}", $"only the first {max} of each file are shown")));
        }
        if (overLimit != default)
        {
            var limit = $"at most {MaxShown.ToString("N0", CultureInfo.InvariantCulture)} diagnostics and {MaxShownBytes / (1024 * 1024)} MiB of text are shown per run";
            kept.Add(Note(MoreMessage(overLimit.Errors, overLimit.Others, "not shown", limit)));
        }
        return kept;
    }

    private static (int Errors, int Others) Tally((int Errors, int Others) tally, Diagnostic diagnostic) =>
        diagnostic.IsError ? (tally.Errors + 1, tally.Others) : (tally.Errors, tally.Others + 1);

    // UTF-8 bytes, as printed; a bounded diagnostic holds at most about 128 KiB, so counting is cheap.
    private static long Size(Diagnostic diagnostic) =>
        Encoding.UTF8.GetByteCount(diagnostic.Message) + diagnostic.Notes.Sum(n => (long)Encoding.UTF8.GetByteCount(n))
        + diagnostic.Labels.Sum(l => (long)Encoding.UTF8.GetByteCount(l.Message));

    private static Diagnostic Note(string message) => new(MoreDiagnosticsCode, DiagnosticSeverity.Note, message, null, [], []);

    private static string MoreMessage(int errors, int others, string where, string why)
    {
        var count = (errors + others).ToString("N0", CultureInfo.InvariantCulture);
        var what = others == 0 ? "errors" : "diagnostics";
        return $"and {count} more {what} {where} ({why})";
    }
}
