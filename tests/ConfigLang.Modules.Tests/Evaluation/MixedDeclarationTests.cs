namespace ConfigLang.Modules.Tests.Evaluation;

/// <summary>
/// A name declared both as an option and as nested options (<c>mergeModules'</c>): allowed when
/// every option of it is of submodule type, the nested declarations joining the submodule
/// wherever they come among the modules; else an error that lists the nested ones, sorted.
/// </summary>
public sealed class MixedDeclarationTests : IDisposable
{
    private readonly ModuleEvaluation _evaluation = new();

    public void Dispose() => _evaluation.Dispose();

    private const string Nested = """
        { options.box.zeta = lib.mkOption { default = "z"; }; }
        """;

    private const string MoreNested = """
        { options.box.alpha = lib.mkOption { default = "a"; }; }
        """;

    [Fact]
    public void Nested_declarations_before_and_after_a_submodule_option_join_it()
    {
        _evaluation.Write("module.nix", $$"""
            { lib, ... }:
            {
              imports = [
                {{Nested}}
                { options.box = lib.mkOption { type = lib.types.submodule { options.inner = lib.mkOption { default = 1; }; }; default = { }; }; }
                {{MoreNested}}
              ];
              config.box.inner = 5;
            }
            """);
        var result = _evaluation.Evaluate("config.box", "module.nix");
        Assert.True(result.Succeeded, result.Stderr);
        Assert.Equal("""{"alpha":"a","inner":5,"zeta":"z"}""", result.Stdout);
    }

    [Fact]
    public void An_option_of_another_type_among_nested_declarations_lists_them_sorted()
    {
        _evaluation.Write("module.nix", $$"""
            { lib, ... }:
            {
              imports = [
                {{Nested}}
                { options.box = lib.mkOption { type = lib.types.str; default = "s"; }; }
                {{MoreNested}}
              ];
            }
            """);
        var result = _evaluation.Evaluate("config.box", "module.nix");
        Assert.False(result.Succeeded);
        Assert.Contains("The option `box' in module", result.Stderr);
        Assert.Contains("but its type `string' does not support nested options.", result.Stderr);
        var alpha = result.Stderr.IndexOf(" - option(s) with prefix `box.alpha' in module", StringComparison.Ordinal);
        var zeta = result.Stderr.IndexOf(" - option(s) with prefix `box.zeta' in module", StringComparison.Ordinal);
        Assert.True(alpha >= 0 && zeta > alpha, result.Stderr);
    }
}
