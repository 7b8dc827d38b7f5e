using ConfigLang.Cli.Rendering.DiagnosticFormats;
using ConfigLang.Cli.Rendering.Show;

namespace ConfigLang.Cli.Tests.Rendering;

/// <summary><c>show --explain</c> prints each definition on one line: a value, or the error that stopped it,
/// at most 100 columns, cut between characters.</summary>
public sealed class ExplainValueWidthTests
{
    private static string Explain(string definition) => ExplainTextWriter.Write(ExplainReport.Parse($$"""
        { "options": [ { "option": "a", "defined": true, "value": 1, "type": "string", "declarations": [],
          "definitions": [ { "file": "/w/a.nix", "line": 1, "column": 3, "kind": "definition", "priority": 100, "status": "used", {{definition}} } ] } ] }
        """, new DisplayPaths("/w")));

    private static string DefinitionLine(string report) => report.Split('\n').Single(l => l.StartsWith("    used"));

    [Fact]
    public void An_error_is_cut_to_the_value_width_like_a_value()
    {
        var line = DefinitionLine(Explain($$"""
            "error": "{{new string('e', 10_000)}}\nsecond line"
            """));

        Assert.EndsWith("(value not shown: " + new string('e', 99) + "…)", line);
    }

    [Fact]
    public void An_error_is_not_cut_between_the_halves_of_a_surrogate_pair()
    {
        // The pair starts at the 99th character, the last one kept.
        var line = DefinitionLine(Explain($$"""
            "error": "{{new string('e', 98)}}😀{{new string('f', 50)}}"
            """));

        Assert.EndsWith("(value not shown: " + new string('e', 98) + "…)", line);
    }
}
