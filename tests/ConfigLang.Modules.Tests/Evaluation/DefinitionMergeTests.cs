namespace ConfigLang.Modules.Tests.Evaluation;

/// <summary>Priorities, order, conditions and the lazy fixed point, through real evaluations.</summary>
public sealed class DefinitionMergeTests : IDisposable
{
    private readonly ModuleEvaluation _evaluation = new();

    private const string Declarations = """
        { lib, ... }: {
          options.group = lib.mkOption { type = lib.types.str; default = "acme"; };
          options.domains = lib.mkOption { type = lib.types.listOf lib.types.str; default = [ ]; };
          options.enable = lib.mkEnableOption "certificates";
        }
        """;

    public DefinitionMergeTests() => _evaluation.Write("declare.nix", Declarations);

    [Fact]
    public void Default_loses_to_mkDefault_which_loses_to_a_plain_definition_which_loses_to_mkForce()
    {
        _evaluation.Write("a.nix", "{ lib, ... }: { group = lib.mkDefault \"default\"; }");
        Assert.Equal("\"default\"", _evaluation.Evaluate("config.group", "declare.nix", "a.nix").Stdout);
        _evaluation.Write("b.nix", "{ group = \"plain\"; }");
        Assert.Equal("\"plain\"", _evaluation.Evaluate("config.group", "declare.nix", "a.nix", "b.nix").Stdout);
        _evaluation.Write("c.nix", "{ lib, ... }: { group = lib.mkForce \"forced\"; }");
        Assert.Equal("\"forced\"", _evaluation.Evaluate("config.group", "declare.nix", "a.nix", "b.nix", "c.nix").Stdout);
    }

    [Fact]
    public void Lists_concatenate_in_module_order_with_mkBefore_first_and_mkAfter_last()
    {
        _evaluation.Write("a.nix", "{ lib, ... }: { domains = lib.mkAfter [ \"last\" ]; }");
        _evaluation.Write("b.nix", "{ domains = [ \"middle\" ]; }");
        _evaluation.Write("c.nix", "{ lib, ... }: { domains = lib.mkBefore [ \"first\" ]; }");
        Assert.Equal("[\"first\",\"middle\",\"last\"]", _evaluation.Evaluate("config.domains", "declare.nix", "a.nix", "b.nix", "c.nix").Stdout);
    }

    [Fact]
    public void A_condition_may_read_the_configuration_it_contributes_to()
    {
        _evaluation.Write("a.nix", "{ lib, config, ... }: lib.mkIf config.enable { domains = [ \"example.org\" ]; group = \"nginx\"; }");
        _evaluation.Write("b.nix", "{ enable = true; }");
        Assert.Equal("\"nginx\"", _evaluation.Evaluate("config.group", "declare.nix", "a.nix", "b.nix").Stdout);
        Assert.Equal("\"acme\"", _evaluation.Evaluate("config.group", "declare.nix", "a.nix").Stdout);
    }

    [Fact]
    public void Conflicting_definitions_name_every_file()
    {
        _evaluation.Write("a.nix", "{ group = \"one\"; }");
        _evaluation.Write("b.nix", "{ group = \"two\"; }");
        var result = _evaluation.Evaluate("config.group", "declare.nix", "a.nix", "b.nix");
        Assert.False(result.Succeeded);
        Assert.Contains("The option `group' has conflicting definition values:", result.Stderr);
        Assert.Contains("a.nix': \"one\"", result.Stderr);
        Assert.Contains("b.nix': \"two\"", result.Stderr);
    }

    [Fact]
    public void A_type_error_points_at_the_definition()
    {
        _evaluation.Write("a.nix", "{\n  domains = [ 42 ];\n}\n");
        var result = _evaluation.Evaluate("config.domains", "declare.nix", "a.nix");
        Assert.False(result.Succeeded);
        Assert.Contains("A definition for option `domains.\"[definition 1-entry 1]\"' is not of type `string'.", result.Stderr);
        Assert.Equal("CL2003", result.Error!.Code);
    }

    [Fact]
    public void An_unknown_option_is_reported_with_a_suggestion_and_its_location()
    {
        _evaluation.Write("a.nix", "{\n  grup = \"nginx\";\n}\n");
        var result = _evaluation.Evaluate("config.group", "declare.nix", "a.nix");
        Assert.False(result.Succeeded);
        Assert.Contains("The option `grup' does not exist.", result.Stderr);
        Assert.Contains("Did you mean `group', ", result.Stderr);
        Assert.Equal("CL2002", result.Error!.Code);
        Assert.Equal(2, result.Error.Location!.Value.Start.Line);
    }

    public void Dispose() => _evaluation.Dispose();
}
