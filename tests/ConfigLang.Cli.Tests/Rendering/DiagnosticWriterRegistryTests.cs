using ConfigLang.Cli.Rendering.DiagnosticFormats;
using ConfigLang.Cli.Rendering.DiagnosticFormats.GitHub;
using ConfigLang.Cli.Rendering.DiagnosticFormats.Json;
using ConfigLang.Cli.Rendering.DiagnosticFormats.Sarif;

namespace ConfigLang.Cli.Tests.Rendering;

public sealed class DiagnosticWriterRegistryTests
{
    private readonly DiagnosticWriterRegistry _registry = DiagnosticWriterRegistry.CreateDefault();

    [Fact]
    public void The_default_registry_offers_the_four_contract_formats_in_order()
    {
        Assert.Equal(["text", "json", "sarif", "github"], _registry.Names);
        Assert.IsType<TextDiagnosticWriter>(_registry.Get("text"));
        Assert.IsType<JsonDiagnosticWriter>(_registry.Get("json"));
        Assert.IsType<SarifDiagnosticWriter>(_registry.Get("sarif"));
        Assert.IsType<GitHubDiagnosticWriter>(_registry.Get("github"));
    }

    [Fact]
    public void Names_match_without_regard_to_case()
    {
        Assert.True(_registry.TryGet("SARIF", out var writer));
        Assert.Equal("sarif", writer.Name);
    }

    [Fact]
    public void An_unknown_name_is_not_found_and_the_error_lists_the_known_ones()
    {
        Assert.False(_registry.TryGet("xml", out _));
        var error = Assert.Throws<KeyNotFoundException>(() => _registry.Get("xml"));
        Assert.Contains("text, json, sarif, github", error.Message);
    }

    [Fact]
    public void Two_writers_with_one_name_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new DiagnosticWriterRegistry([new JsonDiagnosticWriter(), new JsonDiagnosticWriter()]));
    }

    [Fact]
    public void Text_goes_to_standard_error_and_machine_formats_to_standard_output()
    {
        Assert.Equal(DiagnosticOutputStream.StandardError, _registry.Get("text").PreferredStream);
        Assert.All(["json", "sarif", "github"], name => Assert.Equal(DiagnosticOutputStream.StandardOutput, _registry.Get(name).PreferredStream));
    }
}
