using ConfigLang.Cli.Rendering.DiagnosticFormats;

namespace ConfigLang.Cli.Tests.Rendering;

/// <summary>Every format over <see cref="RenderingFixture"/>, compared with <c>Golden/lint.FORMAT.expected</c>.</summary>
public sealed class DiagnosticFormatGoldenTests
{
    public static TheoryData<string> Formats => ["text", "json", "sarif", "github"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Output_matches_the_golden_file(string format)
    {
        GoldenFile.AssertMatches($"lint.{format}.expected", Render(format, RenderingFixture.Diagnostics));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Output_without_diagnostics_matches_the_golden_file(string format)
    {
        GoldenFile.AssertMatches($"lint-empty.{format}.expected", Render(format, []));
    }

    public static string Render(string format, IEnumerable<ConfigLang.Evaluator.Diagnostics.Diagnostic> diagnostics, DiagnosticWriterOptions? options = null)
    {
        var report = DiagnosticReport.Create(diagnostics, RenderingFixture.WorkingDirectory);
        var output = new StringWriter();
        DiagnosticWriterRegistry.CreateDefault().Get(format)
            .Write(report, output, options ?? new DiagnosticWriterOptions { ToolVersion = "0.0.0-test" });
        return output.ToString();
    }
}
