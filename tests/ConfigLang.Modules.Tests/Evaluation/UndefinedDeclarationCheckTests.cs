namespace ConfigLang.Modules.Tests.Evaluation;

/// <summary>
/// The unmatched-definition check looks at the declarations of every name, defined or not (as
/// nixpkgs' <c>mergeModules'</c> does), though it no longer builds an option for a name nothing
/// defines: a declaration that is not an option, or options mixed with nested declarations,
/// is still an error when any value of <c>config</c> is read, in a submodule as at the top.
/// </summary>
public sealed class UndefinedDeclarationCheckTests : IDisposable
{
    private readonly ModuleEvaluation _evaluation = new();

    public void Dispose() => _evaluation.Dispose();

    [Fact]
    public void A_type_declared_without_mkOption_and_never_defined_is_an_error()
    {
        _evaluation.Write("module.nix", """
            { lib, ... }:
            {
              options.bare = lib.types.str;
              options.fine = lib.mkOption { default = 1; };
            }
            """);
        var result = _evaluation.Evaluate("config.fine", "module.nix");
        Assert.False(result.Succeeded);
        Assert.Contains("expected an option declaration at option path `bare` but got an attribute set with type option-type", result.Stderr);
    }

    [Fact]
    public void An_option_with_nested_declarations_and_no_definition_is_an_error_inside_a_submodule()
    {
        _evaluation.Write("module.nix", """
            { lib, ... }:
            {
              options.items = lib.mkOption {
                type = lib.types.attrsOf (lib.types.submodule {
                  options.parent = lib.mkOption { type = lib.types.str; default = "p"; };
                  imports = [ { options.parent.child = lib.mkOption { type = lib.types.int; default = 1; }; } ];
                  options.fine = lib.mkOption { default = 2; };
                });
              };
              config.items.one = { };
            }
            """);
        var result = _evaluation.Evaluate("config.items.one.fine", "module.nix");
        Assert.False(result.Succeeded);
        Assert.Contains("The option `items.one.parent' in module", result.Stderr);
        Assert.Contains("would be a parent of the following options, but its type `string' does not support nested options.", result.Stderr);
    }

    [Fact]
    public void Names_nothing_defines_do_not_hide_an_unmatched_definition_after_them()
    {
        _evaluation.Write("module.nix", """
            { lib, ... }:
            {
              options.items = lib.mkOption {
                type = lib.types.attrsOf (lib.types.submodule {
                  options.a = lib.mkOption { default = 1; };
                  options.b.c = lib.mkOption { default = 2; };
                });
              };
              config.items.one.z = 3;
            }
            """);
        var result = _evaluation.Evaluate("config.items.one.a", "module.nix");
        Assert.False(result.Succeeded);
        Assert.Contains("The option `items.one.z' does not exist.", result.Stderr);
    }

    // nixpkgs' checkUnmatched compares `unmatchedDefns` with [ ]: the comparison needs the whole list,
    // so every name's declarations are checked before the first unknown definition is reported.
    [Fact]
    public void A_bad_declaration_after_an_unknown_definition_is_the_error()
    {
        _evaluation.Write("module.nix", """
            { lib, ... }:
            {
              options.fine = lib.mkOption { default = 1; };
              options.zzz = lib.types.str;
              config.aaa = 1;
            }
            """);
        var result = _evaluation.Evaluate("config.fine", "module.nix");
        Assert.False(result.Succeeded);
        Assert.Contains("expected an option declaration at option path `zzz` but got an attribute set with type option-type", result.Stderr);
        Assert.DoesNotContain("does not exist", result.Stderr);
    }

    [Fact]
    public void A_bad_declaration_in_a_defined_level_after_an_unknown_definition_is_the_error()
    {
        _evaluation.Write("module.nix", """
            { lib, ... }:
            {
              options.nested.fine = lib.mkOption { default = 1; };
              options.nested.parent = lib.mkOption { type = lib.types.str; default = "p"; };
              imports = [ { options.nested.parent.child = lib.mkOption { default = 2; }; } ];
              config.aaa = 1;
              config.nested.fine = 3;
            }
            """);
        var result = _evaluation.Evaluate("config.nested.fine", "module.nix");
        Assert.False(result.Succeeded);
        Assert.Contains("The option `nested.parent' in module", result.Stderr);
        Assert.Contains("would be a parent of the following options", result.Stderr);
        Assert.DoesNotContain("does not exist", result.Stderr);
    }
}
