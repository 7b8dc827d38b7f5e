using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Cli.Tests.Rendering;

public sealed class GitHubDiagnosticWriterTests
{
    private static string[] Lines(IEnumerable<Diagnostic> diagnostics) =>
        DiagnosticFormatGoldenTests.Render("github", diagnostics).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void A_single_line_span_gives_columns()
    {
        var web = RenderingFixture.Web;
        var line = Lines([Diagnostic.Error("CL2003", "m", RenderingFixture.At(web, "enableACME = true"))])[0];
        Assert.Equal("::error file=hosts/web.nix,line=7,col=45,endLine=7,endColumn=62,title=CL2003::m", line);
    }

    [Fact]
    public void A_multi_line_span_gives_lines_only_as_GitHub_ignores_columns_across_lines()
    {
        var span = RenderingFixture.Between(RenderingFixture.Web, "{\n    group", "  };");
        var line = Lines([Diagnostic.Warning("CL3005", "m", span)])[0];
        Assert.Equal("::warning file=hosts/web.nix,line=3,endLine=6,title=CL3005::m", line);
    }

    [Fact]
    public void Notes_become_notices_and_the_summary_closes_the_output()
    {
        var lines = Lines([new Diagnostic("CL3100", DiagnosticSeverity.Note, "n", null, [], []), Diagnostic.Warning("CL2010", "w", null)]);
        Assert.Equal(["::notice title=CL3100::n", "::warning title=CL2010::w", "0 errors, 1 warning"], lines);
    }
}
