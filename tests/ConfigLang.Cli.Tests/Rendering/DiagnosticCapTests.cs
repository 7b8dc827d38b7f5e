using System.Text;
using ConfigLang.Cli.Rendering.DiagnosticFormats;
using ConfigLang.Cli.Rendering.DiagnosticFormats.Json;
using ConfigLang.Cli.Rendering.DiagnosticFormats.Sarif;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Cli.Tests.Rendering;

/// <summary>At most <see cref="DiagnosticCap.MaxPerFile"/> diagnostics of a file are shown, in
/// every format, then one note with the number left out; the counts stay those of the whole run.</summary>
public sealed class DiagnosticCapTests
{
    // One 40 KB line, as a generated or hostile file has: each excerpt must be a window of it.
    private static readonly SourceText Big = new("{" + string.Concat(Enumerable.Repeat("a=1;", 10_000)) + "}\n", "/w/big.nix");
    private static readonly SourceText Small = new("x = 1;\n", "/w/small.nix");

    private static DiagnosticReport Report()
    {
        var diagnostics = new List<Diagnostic>();
        for (var i = 1; i < 10_000; i++)
        {
            diagnostics.Add(SyntaxDiagnostics.DuplicateAttribute(Big, new TextSpan(1 + 4 * i, 1), "a", new TextSpan(1, 1)));
        }
        diagnostics.Add(Diagnostic.Warning("CL3002", "a warning", new SourceLocation(Big, new TextSpan(39_990, 1))));
        diagnostics.Add(Diagnostic.Error("CL0001", "small", new SourceLocation(Small, new TextSpan(0, 1))));
        return DiagnosticReport.Create(diagnostics, "/w");
    }

    [Fact]
    public void The_report_keeps_the_first_hundred_of_each_file_and_counts_every_diagnostic()
    {
        var report = Report();

        Assert.Equal(10_000, report.Errors);
        Assert.Equal(1, report.Warnings);
        Assert.Equal(DiagnosticCap.MaxPerFile + 1 + 1, report.Diagnostics.Count);
        Assert.Equal(DiagnosticCap.MaxPerFile, report.Diagnostics.Count(d => d.Location?.Source == Big));
        var more = Assert.Single(report.Diagnostics, d => d.Code == DiagnosticCap.MoreDiagnosticsCode);
        Assert.Equal(DiagnosticSeverity.Note, more.Severity);
        Assert.Equal("and 9,900 more diagnostics in big.nix (only the first 100 of each file are shown)", more.Message);
        Assert.Same(more, report.Diagnostics[^1]);
    }

    [Fact]
    public void A_file_under_the_cap_is_shown_whole_and_gets_no_note()
    {
        var report = DiagnosticReport.Create(
            Enumerable.Range(0, DiagnosticCap.MaxPerFile).Select(i => Diagnostic.Error("CL0001", $"e{i}", new SourceLocation(Small, new TextSpan(0, 1)))), "/w");

        Assert.Equal(DiagnosticCap.MaxPerFile, report.Diagnostics.Count);
        Assert.DoesNotContain(report.Diagnostics, d => d.Code == DiagnosticCap.MoreDiagnosticsCode);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("github")]
    public void Every_format_writes_the_capped_list_with_short_excerpts(string format)
    {
        var output = new StringWriter();
        DiagnosticWriterRegistry.CreateDefault().Get(format).Write(Report(), output, DiagnosticWriterOptions.Default with { ToolVersion = "test" });
        var text = output.ToString();

        Assert.Contains("and 9,900 more diagnostics in big.nix", text);
        Assert.Equal(DiagnosticCap.MaxPerFile, CountOf("attribute 'a' already defined at /w/big.nix:1:2", text));
        // 40 KB of source in each of 10,000 diagnostics was 1 GB; now about a kilobyte each at most.
        Assert.True(text.Length < 300_000, $"{text.Length} characters");
        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= 1_000, line[..Math.Min(200, line.Length)]));
    }

    [Fact]
    public void Json_and_sarif_count_the_whole_run_and_list_the_note()
    {
        var json = JsonDiagnosticWriter.ToDocument(Report());
        Assert.Equal(10_000, json.Errors);
        Assert.Equal(DiagnosticCap.MaxPerFile + 2, json.Diagnostics.Count);
        Assert.Equal("note", json.Diagnostics[^1].Severity);
        Assert.Null(json.Diagnostics[^1].File);

        var sarif = SarifDiagnosticWriter.ToLog(Report(), DiagnosticWriterOptions.Default);
        Assert.Equal(DiagnosticCap.MaxPerFile + 2, sarif.Runs[0].Results.Count);
    }

    [Fact]
    public void Many_files_of_a_few_errors_show_the_first_thousand_and_count_the_rest()
    {
        var diagnostics = Enumerable.Range(0, 3_000)
            .Select(i => Diagnostic.Error("CL2002", $"e{i}", new SourceLocation(new SourceText("x\n", $"/w/f{i:0000}.nix"), new TextSpan(0, 1))));

        var report = DiagnosticReport.Create(diagnostics, "/w");

        Assert.Equal(3_000, report.Errors);
        Assert.Equal(DiagnosticCap.MaxShown + 1, report.Diagnostics.Count);
        Assert.Equal("and 2,000 more errors not shown (at most 1,000 diagnostics and 4 MiB of text are shown per run)", report.Diagnostics[^1].Message);
        Assert.True(report.Fails(warningsAsErrors: false));
    }

    [Fact]
    public void Huge_messages_are_cut_and_stop_the_run_at_its_text_budget()
    {
        var huge = new string('y', 1_000_000);
        var diagnostics = Enumerable.Range(0, 200)
            .Select(i => Diagnostic.Error("CL2011", huge, new SourceLocation(new SourceText("x\n", $"/w/h{i:000}.nix"), new TextSpan(0, 1))));

        var report = DiagnosticReport.Create(diagnostics, "/w");
        var output = new StringWriter();
        new TextDiagnosticWriter().Write(report, output, DiagnosticWriterOptions.Default);

        Assert.Equal(200, report.Errors);
        Assert.All(report.Diagnostics.SkipLast(1), d => Assert.EndsWith("… (934,490 more bytes)" + new string('y', PrintedTextBounds.MaxTailBytes), d.Message));
        // A cut message, marker included, is just under 64 KiB: 64 of them fit in 4 MiB, the 65th would pass it.
        Assert.Equal(DiagnosticCap.MaxShownBytes / PrintedTextBounds.MaxMessageBytes, report.Diagnostics.Count - 1);
        Assert.StartsWith("and 136 more errors not shown", report.Diagnostics[^1].Message);
        Assert.True(output.ToString().Length < DiagnosticCap.MaxShownBytes + 100_000, $"{output.ToString().Length} characters");
        Assert.EndsWith("200 errors, 0 warnings\n", output.ToString());
    }

    [Fact]
    public void The_text_budget_counts_utf8_bytes_and_one_diagnostic_cannot_hold_hundreds_of_huge_notes()
    {
        // "€" is three bytes: a cut message is 65,536 bytes but 21,845 characters.
        var euros = new string('€', 1_000_000);
        var huge = new string('n', 1_000_000);
        var diagnostics = Enumerable.Range(0, 200).Select(i =>
            Diagnostic.Error("CL2011", euros, new SourceLocation(new SourceText("x\n", $"/w/e{i:000}.nix"), new TextSpan(0, 1))) with
            {
                Notes = [.. Enumerable.Repeat(huge, 100)],
            });

        var report = DiagnosticReport.Create(diagnostics, "/w");

        // Each shows its message cut to 48 KiB (leaving room for notes) and one note cut to 64 KiB: 112 KiB, 36 of them in 4 MiB.
        var shown = report.Diagnostics.SkipLast(1).ToList();
        Assert.Equal(36, shown.Count);
        // The note's head, its cut marker and its last 4 KiB: 61,414 + 24 + 4,096 bytes, within 64 KiB.
        var cutNote = new string('n', 61_414) + "… (934,490 more bytes)" + new string('n', PrintedTextBounds.MaxTailBytes);
        Assert.All(shown, d => Assert.Equal([cutNote, "and 99 more notes not shown"], d.Notes));
        Assert.True(shown.Sum(d => Encoding.UTF8.GetByteCount(d.Message) + d.Notes.Sum(Encoding.UTF8.GetByteCount)) <= DiagnosticCap.MaxShownBytes);
        Assert.StartsWith("and 164 more errors not shown", report.Diagnostics[^1].Message);
    }

    private static int CountOf(string needle, string text)
    {
        var count = 0;
        for (var i = text.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = text.IndexOf(needle, i + needle.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
