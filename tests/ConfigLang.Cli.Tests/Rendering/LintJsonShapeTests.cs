using System.Text.Json;

namespace ConfigLang.Cli.Tests.Rendering;

/// <summary>
/// <c>lint --format json</c> parsed back and held against design/contracts.md: the exact keys
/// in their order, the severity words, the span of each diagnostic, labels as located notes,
/// free notes and missing locations as nulls, and the error and warning counts.
/// </summary>
public sealed class LintJsonShapeTests
{
    private static readonly string[] DiagnosticKeys =
        ["severity", "code", "message", "file", "line", "column", "endLine", "endColumn", "option", "notes"];

    private static readonly string[] NoteKeys = ["message", "file", "line", "column"];

    private static JsonElement Parse() =>
        JsonDocument.Parse(DiagnosticFormatGoldenTests.Render("json", RenderingFixture.Diagnostics)).RootElement;

    [Fact]
    public void Top_level_has_diagnostics_errors_and_warnings()
    {
        var root = Parse();
        Assert.Equal(["diagnostics", "errors", "warnings"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(4, root.GetProperty("errors").GetInt32());
        Assert.Equal(2, root.GetProperty("warnings").GetInt32());
        Assert.Equal(RenderingFixture.Diagnostics.Count, root.GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public void Every_diagnostic_and_note_has_exactly_the_contract_keys()
    {
        foreach (var diagnostic in Parse().GetProperty("diagnostics").EnumerateArray())
        {
            Assert.Equal(DiagnosticKeys, diagnostic.EnumerateObject().Select(p => p.Name));
            foreach (var note in diagnostic.GetProperty("notes").EnumerateArray())
                Assert.Equal(NoteKeys, note.EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public void A_diagnostic_carries_its_span_option_and_label_as_a_located_note()
    {
        var duplicate = Find("CL2001");
        Assert.Equal("error", duplicate.GetProperty("severity").GetString());
        Assert.Equal("The option `security.acme.certs.\"example.org\".group' is defined multiple times", duplicate.GetProperty("message").GetString());
        Assert.Equal("hosts/web.nix", duplicate.GetProperty("file").GetString());
        // `group = "nginx";` is on line 4 from column 5; the end column is the one after the span.
        Assert.Equal((4, 5, 4, 20), Span(duplicate));
        Assert.Equal("security.acme.certs.\"example.org\".group", duplicate.GetProperty("option").GetString());

        var notes = duplicate.GetProperty("notes").EnumerateArray().ToList();
        Assert.Equal(2, notes.Count);
        Assert.Equal("also defined here", notes[0].GetProperty("message").GetString());
        Assert.Equal("modules/acme.nix", notes[0].GetProperty("file").GetString());
        Assert.Equal(2, notes[0].GetProperty("line").GetInt32());
        Assert.Equal(37, notes[0].GetProperty("column").GetInt32());
        Assert.Equal("give one definition a higher priority, for example with lib.mkForce", notes[1].GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, notes[1].GetProperty("file").ValueKind);
    }

    [Fact]
    public void A_multi_line_span_reports_its_end_line()
    {
        var warning = Find("CL3005");
        Assert.Equal("warning", warning.GetProperty("severity").GetString());
        Assert.Equal((3, 39, 6, 5), Span(warning));
    }

    [Fact]
    public void A_diagnostic_without_location_has_null_position_and_option()
    {
        var usage = Find("CL9002");
        foreach (var key in new[] { "file", "line", "column", "endLine", "endColumn", "option" })
            Assert.Equal(JsonValueKind.Null, usage.GetProperty(key).ValueKind);
    }

    [Fact]
    public void Special_characters_survive_a_round_trip()
    {
        var odd = Find("CL1003");
        Assert.Equal(RenderingFixture.Diagnostics.Single(d => d.Code == "CL1003").Message, odd.GetProperty("message").GetString());
        Assert.Equal("hosts/odd, name:50%.nix", odd.GetProperty("file").GetString());
        Assert.Equal("note", Find("CL3100").GetProperty("severity").GetString());
    }

    [Fact]
    public void Quotes_in_option_paths_are_escaped_as_in_the_contract()
    {
        var text = DiagnosticFormatGoldenTests.Render("json", RenderingFixture.Diagnostics);
        Assert.Contains("\"option\": \"security.acme.certs.\\\"example.org\\\".group\"", text);
    }

    private static JsonElement Find(string code) =>
        Parse().GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("code").GetString() == code);

    private static (int, int, int, int) Span(JsonElement d) =>
        (d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32(), d.GetProperty("endLine").GetInt32(), d.GetProperty("endColumn").GetInt32());
}
