using System.Text.Json.Nodes;

namespace ConfigLang.Modules.Tests.Evaluation;

/// <summary>
/// The module system's own provenance API, shaped as nixpkgs' <c>lib/modules.nix</c> shapes it:
/// <c>declarations</c> and <c>declarationPositions</c> (one per declaring module, a position
/// <c>{ file, line, column }</c> or the file with null line and column when the declaring set has
/// no positions), and over the definitions that win (<c>defsFinal</c>) <c>files</c> and
/// <c>definitionsWithLocations</c> (<c>{ file, value }</c>, plus <c>priority</c> for an
/// <c>mkOrder</c>ed one, as <c>sortProperties</c> leaves it).
/// </summary>
public sealed class ProvenanceApiTests : IDisposable
{
    private readonly ModuleEvaluation _evaluation = new();
    private readonly string _declare;
    private readonly string _a;
    private readonly string _b;

    public ProvenanceApiTests()
    {
        _declare = _evaluation.Write("declare.nix", """
            { lib, ... }: {
              options.group = lib.mkOption { type = lib.types.str; default = "acme"; };
              options.names = lib.mkOption { type = lib.types.listOf lib.types.str; };
              options.generated = builtins.mapAttrs (_: v: v) {
                hidden = lib.mkOption { type = lib.types.int; default = 1; };
              };
            }
            """);
        _a = _evaluation.Write("a.nix", "{ lib, ... }: { group = lib.mkDefault \"a\"; names = lib.mkAfter [ \"z\" ]; }");
        _b = _evaluation.Write("b.nix", "{ lib, ... }: { group = \"b\"; names = lib.mkIf true [ \"y\" ]; }");
    }

    public void Dispose() => _evaluation.Dispose();

    private JsonNode Evaluate(string attribute)
    {
        var result = _evaluation.Evaluate(attribute, "declare.nix", "a.nix", "b.nix");
        Assert.True(result.Succeeded, result.Stderr);
        return JsonNode.Parse(result.Stdout)!;
    }

    [Fact]
    public void Declarations_name_the_declaring_file_and_the_position_of_the_option_name()
    {
        AssertJson(JsonNode.Parse($"[{Quote(_declare)}]"), Evaluate("options.group.declarations"));
        // The column is the evaluator's unsafeGetAttrPos (the name `group`; Nix 2.8 gives the
        // start of the attribute path `options.group`), so only file and line are compared.
        var position = Assert.Single(Evaluate("options.group.declarationPositions").AsArray())!;
        Assert.Equal(_declare, (string?)position["file"]);
        Assert.Equal(2, (int)position["line"]!);
        Assert.NotNull(position["column"]);
    }

    [Fact]
    public void A_declarations_column_counts_bytes_as_unsafeGetAttrPos_does()
    {
        // "é" is two bytes: Nix's column of `group` (as unsafeGetAttrPos gives it) is one more than its char column.
        _evaluation.Write("accented.nix", "{ lib, ... }: { options = { \"é\" = lib.mkOption { }; group2 = lib.mkOption { }; }; }");
        var result = _evaluation.Evaluate("options.group2.declarationPositions", "accented.nix");
        Assert.True(result.Succeeded, result.Stderr);

        var position = Assert.Single(JsonNode.Parse(result.Stdout)!.AsArray())!;
        Assert.Equal(54, (int)position["column"]!);
    }

    [Fact]
    public void A_declaration_in_a_set_without_positions_falls_back_to_the_file()
    {
        AssertJson(
            JsonNode.Parse($$"""[{ "column": null, "file": {{Quote(_declare)}}, "line": null }]"""),
            Evaluate("options.generated.hidden.declarationPositions"));
    }

    [Fact]
    public void Files_and_definitions_with_locations_hold_only_the_definitions_that_win()
    {
        // mkDefault "a" loses to "b", and the option default (1500) to both.
        AssertJson(JsonNode.Parse($"[{Quote(_b)}]"), Evaluate("options.group.files"));
        AssertJson(
            JsonNode.Parse($$"""[{ "file": {{Quote(_b)}}, "value": "b" }]"""),
            Evaluate("options.group.definitionsWithLocations"));
    }

    [Fact]
    public void Definitions_with_locations_are_discharged_sorted_and_keep_an_order_priority()
    {
        AssertJson(
            JsonNode.Parse($$"""
                [ { "file": {{Quote(_b)}}, "value": [ "y" ] },
                  { "file": {{Quote(_a)}}, "priority": 1500, "value": [ "z" ] } ]
                """),
            Evaluate("options.names.definitionsWithLocations"));
        AssertJson(JsonNode.Parse($"[{Quote(_b)}, {Quote(_a)}]"), Evaluate("options.names.files"));
    }

    private static void AssertJson(JsonNode? expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected?.ToJsonString()}, got {actual.ToJsonString()}");

    private static string Quote(string text) => JsonValue.Create(text)!.ToJsonString();
}
