using ConfigLang.Cli.Rendering.DiagnosticFormats;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Cli.Tests.Rendering;

public sealed class DiagnosticReportTests
{
    private static readonly SourceText A = new("a = 1;\nb = 2;\n", "/w/a.nix");
    private static readonly SourceText B = new("c = 3;\n", "/w/b.nix");

    private static SourceLocation At(SourceText source, int start) => new(source, new TextSpan(start, 1));

    [Fact]
    public void Diagnostics_are_sorted_by_file_line_and_column_with_unlocated_ones_last()
    {
        Diagnostic[] diagnostics =
        [
            Diagnostic.Error("CL0001", "no location", null),
            Diagnostic.Error("CL0002", "b 1:1", At(B, 0)),
            Diagnostic.Error("CL0003", "a 2:5", At(A, 11)),
            Diagnostic.Error("CL0004", "a 2:1", At(A, 7)),
            Diagnostic.Error("CL0005", "a 1:1", At(A, 0)),
        ];
        var report = DiagnosticReport.Create(diagnostics, "/w");
        Assert.Equal(["a 1:1", "a 2:1", "a 2:5", "b 1:1", "no location"], report.Diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void Diagnostics_at_the_same_place_keep_the_order_they_were_reported_in()
    {
        var report = DiagnosticReport.Create(
            [Diagnostic.Error("CL0009", "first", At(A, 0)), Diagnostic.Error("CL0001", "second", At(A, 0))], "/w");
        Assert.Equal(["first", "second"], report.Diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void Sorting_uses_the_displayed_path()
    {
        // "/w/z.nix" shows as "z.nix", which sorts after the absolute "/elsewhere/a.nix".
        var inside = new SourceText("x", "/w/z.nix");
        var outside = new SourceText("x", "/elsewhere/a.nix");
        var report = DiagnosticReport.Create(
            [Diagnostic.Error("CL0001", "inside", At(inside, 0)), Diagnostic.Error("CL0001", "outside", At(outside, 0))], "/w");
        Assert.Equal(["outside", "inside"], report.Diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void Errors_and_warnings_are_counted_apart_and_notes_not_at_all()
    {
        var report = DiagnosticReport.Create(
        [
            Diagnostic.Error("CL0001", "e", null),
            Diagnostic.Warning("CL0002", "w1", null),
            Diagnostic.Warning("CL0003", "w2", null),
            new Diagnostic("CL0004", DiagnosticSeverity.Note, "n", null, [], []),
        ], "/w");
        Assert.Equal(1, report.Errors);
        Assert.Equal(2, report.Warnings);
        Assert.Equal("1 error, 2 warnings", report.Summary);
    }

    [Fact]
    public void Warnings_fail_the_run_only_when_they_count_as_errors()
    {
        var warningsOnly = DiagnosticReport.Create([Diagnostic.Warning("CL0002", "w", null)], "/w");
        Assert.False(warningsOnly.Fails(warningsAsErrors: false));
        Assert.True(warningsOnly.Fails(warningsAsErrors: true));
        Assert.True(DiagnosticReport.Create([Diagnostic.Error("CL0001", "e", null)], "/w").Fails(false));
        Assert.False(DiagnosticReport.Create([], "/w").Fails(true));
    }
}
