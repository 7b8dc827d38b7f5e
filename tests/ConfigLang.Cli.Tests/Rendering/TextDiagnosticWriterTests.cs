using ConfigLang.Cli.Rendering.DiagnosticFormats;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Cli.Tests.Rendering;

public sealed class TextDiagnosticWriterTests
{
    [Fact]
    public void Paths_are_shown_relative_to_the_working_directory_for_primary_spans_and_labels()
    {
        var diagnostic = RenderingFixture.Diagnostics.Single(d => d.Code == "CL2001");
        var text = DiagnosticFormatGoldenTests.Render("text", [diagnostic]);
        Assert.Contains("--> hosts/web.nix:4:5", text);
        Assert.Contains("--> modules/acme.nix:2:37", text);
        Assert.DoesNotContain(RenderingFixture.WorkingDirectory, text);
    }

    [Fact]
    public void Colour_is_used_only_when_asked_for()
    {
        var diagnostic = RenderingFixture.Diagnostics.Single(d => d.Code == "CL2001");
        Assert.DoesNotContain("\u001b[", DiagnosticFormatGoldenTests.Render("text", [diagnostic]));
        Assert.Contains("\u001b[", DiagnosticFormatGoldenTests.Render("text", [diagnostic], new DiagnosticWriterOptions { UseColor = true }));
    }

    [Fact]
    public void The_summary_line_closes_the_output()
    {
        var text = DiagnosticFormatGoldenTests.Render("text", [Diagnostic.Warning("CL2010", "w", null), Diagnostic.Error("CL2001", "e", null)]);
        Assert.EndsWith("\n1 error, 1 warning\n", text);
    }
}
