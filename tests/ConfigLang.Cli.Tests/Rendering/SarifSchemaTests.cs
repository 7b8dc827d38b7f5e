using System.Text.Json;
using System.Text.Json.Nodes;
using ConfigLang.TestSupport;
using Json.Schema;

namespace ConfigLang.Cli.Tests.Rendering;

/// <summary>
/// The SARIF output validates against the official SARIF 2.1.0 schema (checked in under
/// <c>Rendering/Schemas/</c>, see its README for the origin), with <c>format</c> checked too,
/// so URIs must be real URIs. A deliberately broken log must fail, which shows the validator
/// actually applies the schema.
/// </summary>
public sealed class SarifSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "ConfigLang.Cli.Tests", "Rendering", "Schemas", "sarif-schema-2.1.0.json"))));

    [Fact]
    public void Sarif_output_of_the_fixture_is_valid()
    {
        AssertValid(DiagnosticFormatGoldenTests.Render("sarif", RenderingFixture.Diagnostics));
    }

    [Fact]
    public void Sarif_output_without_diagnostics_is_valid()
    {
        AssertValid(DiagnosticFormatGoldenTests.Render("sarif", []));
    }

    [Fact]
    public void A_log_with_an_unknown_level_is_rejected()
    {
        var log = JsonNode.Parse(DiagnosticFormatGoldenTests.Render("sarif", RenderingFixture.Diagnostics))!;
        log["runs"]![0]!["results"]![0]!["level"] = "fatal";
        Assert.False(Evaluate(log.ToJsonString()).IsValid);
    }

    [Fact]
    public void A_log_with_a_region_starting_at_line_zero_is_rejected()
    {
        var log = JsonNode.Parse(DiagnosticFormatGoldenTests.Render("sarif", RenderingFixture.Diagnostics))!;
        log["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"] = 0;
        Assert.False(Evaluate(log.ToJsonString()).IsValid);
    }

    [Fact]
    public void A_log_whose_schema_reference_is_not_a_uri_is_rejected()
    {
        // Only fails when `format` is enforced: guards the RequireFormatValidation setting.
        var log = JsonNode.Parse(DiagnosticFormatGoldenTests.Render("sarif", []))!;
        log["$schema"] = "not a uri";
        Assert.False(Evaluate(log.ToJsonString()).IsValid);
    }

    private static void AssertValid(string sarif)
    {
        var results = Evaluate(sarif);
        var errors = results.Details?
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .ToList() ?? [];
        Assert.True(results.IsValid, "SARIF output does not match the schema:\n" + string.Join("\n", errors));
    }

    private static EvaluationResults Evaluate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Value.Evaluate(document.RootElement, new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
        });
    }
}
