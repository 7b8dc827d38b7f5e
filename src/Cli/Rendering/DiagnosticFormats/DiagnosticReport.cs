using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Cli.Rendering.DiagnosticFormats;

/// <summary>
/// What every <see cref="IDiagnosticWriter"/> renders: the diagnostics of one run sorted by
/// displayed file, line and column (diagnostics without a location last; ties keep the order in
/// which they were reported), the counts of errors and warnings (notes count as neither), and
/// the paths helper that decides how files are shown.
/// </summary>
public sealed class DiagnosticReport
{
    private DiagnosticReport(IReadOnlyList<Diagnostic> all, DisplayPaths paths)
    {
        Paths = paths;
        // The counts are of every diagnostic; the list is capped and cut to size (see DiagnosticCap).
        Errors = all.Count(d => d.Severity == DiagnosticSeverity.Error);
        Warnings = all.Count(d => d.Severity == DiagnosticSeverity.Warning);
        Diagnostics = DiagnosticCap.Apply(all, d => d.Location is { } l ? paths.Display(l.Source.Name) : null);
    }

    /// <summary>The diagnostics to show: sorted, at most <see cref="DiagnosticCap.MaxPerFile"/> per
    /// file and <see cref="DiagnosticCap.MaxShown"/> in all, each cut to size, then a note for each file
    /// that had more and one for what the run-wide limits left out.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public DisplayPaths Paths { get; }

    public int Errors { get; }

    public int Warnings { get; }

    /// <summary>Sorts <paramref name="diagnostics"/> for output; paths are shown relative to
    /// <paramref name="workingDirectory"/> (the process's current directory when null).</summary>
    public static DiagnosticReport Create(IEnumerable<Diagnostic> diagnostics, string? workingDirectory = null)
    {
        var paths = new DisplayPaths(workingDirectory ?? Environment.CurrentDirectory);
        var sorted = diagnostics
            .Select(d => (Diagnostic: d, Location: d.Location is { } l ? RenderedLocation.From(l, paths) : (RenderedLocation?)null))
            .OrderBy(x => x.Location is null)
            .ThenBy(x => x.Location?.File, StringComparer.Ordinal)
            .ThenBy(x => x.Location?.Line)
            .ThenBy(x => x.Location?.Column)
            .Select(x => x.Diagnostic)
            .ToArray();
        return new DiagnosticReport(sorted, paths);
    }

    /// <summary>Whether the run fails (exit code 1): any error, or any warning when warnings count as errors.</summary>
    public bool Fails(bool warningsAsErrors) => Errors > 0 || (warningsAsErrors && Warnings > 0);

    /// <summary>The closing line of the text formats, such as <c>2 errors, 1 warning</c>.</summary>
    public string Summary => $"{Count(Errors, "error")}, {Count(Warnings, "warning")}";

    /// <summary>The displayed form of a location of one of the diagnostics.</summary>
    public RenderedLocation Render(SourceLocation location) => RenderedLocation.From(location, Paths);

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
