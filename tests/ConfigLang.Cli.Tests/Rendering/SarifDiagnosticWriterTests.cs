using ConfigLang.Cli.Rendering.DiagnosticFormats;
using ConfigLang.Cli.Rendering.DiagnosticFormats.Sarif;

namespace ConfigLang.Cli.Tests.Rendering;

public sealed class SarifDiagnosticWriterTests
{
    private static SarifRun Run(DiagnosticWriterOptions? options = null) =>
        SarifDiagnosticWriter.ToLog(DiagnosticReport.Create(RenderingFixture.Diagnostics, RenderingFixture.WorkingDirectory),
            options ?? DiagnosticWriterOptions.Default).Runs.Single();

    [Fact]
    public void There_is_one_rule_per_code_used_and_results_point_at_their_rule()
    {
        var run = Run();
        var codes = RenderingFixture.Diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(codes, run.Tool.Driver.Rules.Select(r => r.Id));
        Assert.All(run.Results, result => Assert.Equal(result.RuleId, run.Tool.Driver.Rules[result.RuleIndex].Id));
    }

    [Fact]
    public void Known_code_descriptions_replace_the_layer_fallback()
    {
        var run = Run(new DiagnosticWriterOptions { CodeDescriptions = new Dictionary<string, string> { ["CL2001"] = "Option defined more than once" } });
        Assert.Equal("Option defined more than once", run.Tool.Driver.Rules.Single(r => r.Id == "CL2001").ShortDescription.Text);
        Assert.Equal("Module system problem CL2003", run.Tool.Driver.Rules.Single(r => r.Id == "CL2003").ShortDescription.Text);
    }

    [Fact]
    public void Labels_become_related_locations_and_notes_join_the_message()
    {
        var result = Run().Results.Single(r => r.RuleId == "CL2001");
        var related = Assert.Single(result.RelatedLocations!);
        Assert.Equal("also defined here", related.Message!.Text);
        Assert.Equal(new SarifArtifactLocation("modules/acme.nix", "%SRCROOT%"), related.PhysicalLocation.ArtifactLocation);
        Assert.EndsWith("\nnote: give one definition a higher priority, for example with lib.mkForce", result.Message.Text);
        Assert.Equal("security.acme.certs.\"example.org\".group", result.Properties!.Option);
    }

    [Fact]
    public void A_diagnostic_without_location_has_no_locations()
    {
        Assert.Null(Run().Results.Single(r => r.RuleId == "CL9002").Locations);
    }

    [Fact]
    public void The_tool_version_defaults_to_the_assembly_version()
    {
        Assert.False(string.IsNullOrEmpty(Run().Tool.Driver.Version));
    }
}
