namespace ConfigLang.Modules.Tests.Evaluation;

/// <summary>
/// <c>_module.check</c> and <c>_module.freeformType</c> are read from their defaults without
/// building the options only while nothing else declares or defines them: a definition (in a
/// submodule instance or at the top), a second declaration, and reading them as options all
/// behave as before.
/// </summary>
public sealed class ModuleCheckDefaultTests : IDisposable
{
    private readonly ModuleEvaluation _evaluation = new();

    public void Dispose() => _evaluation.Dispose();

    private const string Items = """
        { lib, ... }:
        {
          options.items = lib.mkOption {
            type = lib.types.attrsOf (lib.types.submodule ({ name, ... }: {
              options.known = lib.mkOption { default = name; };
            }));
          };
        """;

    [Fact]
    public void An_instance_defining_check_false_accepts_an_unknown_definition()
    {
        _evaluation.Write("module.nix", Items + """
              config.items.one = { _module.check = false; unknown = 1; };
              config.items.two = { };
            }
            """);
        var one = _evaluation.Evaluate("config.items.one.known", "module.nix");
        Assert.True(one.Succeeded, one.Stderr);
        Assert.Equal("\"one\"", one.Stdout);
        var two = _evaluation.Evaluate("config.items.two", "module.nix");
        Assert.True(two.Succeeded, two.Stderr);
        Assert.Equal("""{"known":"two"}""", two.Stdout);
    }

    [Fact]
    public void An_instance_without_it_still_rejects_an_unknown_definition()
    {
        _evaluation.Write("module.nix", Items + """
              config.items.one = { unknown = 1; };
            }
            """);
        var result = _evaluation.Evaluate("config.items.one.known", "module.nix");
        Assert.False(result.Succeeded);
        Assert.Contains("The option `items.one.unknown' does not exist.", result.Stderr);
    }

    [Fact]
    public void An_unknown_definition_where_nothing_is_declared_gets_the_hint_for_its_level()
    {
        // The same mistake at the top and in a submodule instance (under a prefix): each its own hint.
        _evaluation.Write("top.nix", "{ config.unknown = 1; }");
        var top = _evaluation.Evaluate("config", "top.nix");
        Assert.False(top.Succeeded);
        Assert.Contains("It seems as if you're trying to declare an option by placing it into `config' rather than `options'!", top.Stderr);
        Assert.DoesNotContain("However there are no options defined", top.Stderr);

        _evaluation.Write("nested.nix", """
            { lib, ... }:
            {
              options.items = lib.mkOption { type = lib.types.attrsOf (lib.types.submodule { }); };
              config.items.one = { unknown = 1; };
            }
            """);
        var nested = _evaluation.Evaluate("config.items.one", "nested.nix");
        Assert.False(nested.Succeeded);
        Assert.Contains("However there are no options defined in `items.one'. Are you sure you've", nested.Stderr);
        Assert.DoesNotContain("It seems as if", nested.Stderr);
    }

    [Fact]
    public void An_instance_defining_a_freeform_type_keeps_free_attributes()
    {
        _evaluation.Write("module.nix", Items + """
              config.items.one = { _module.freeformType = lib.types.attrsOf lib.types.int; extra = 2; };
            }
            """);
        var result = _evaluation.Evaluate("config.items.one", "module.nix");
        Assert.True(result.Succeeded, result.Stderr);
        Assert.Equal("""{"extra":2,"known":"one"}""", result.Stdout);
    }

    [Fact]
    public void Check_declared_again_is_already_declared()
    {
        _evaluation.Write("module.nix", """
            { lib, ... }:
            {
              options._module.check = lib.mkOption { default = false; };
              config.unknown = 1;
            }
            """);
        var result = _evaluation.Evaluate("config", "module.nix");
        Assert.False(result.Succeeded);
        Assert.Contains("The option `_module.check' in `", result.Stderr);
        Assert.Contains("is already declared in", result.Stderr);
    }

    [Fact]
    public void The_options_read_as_options_keep_their_defaults()
    {
        _evaluation.Write("module.nix", """{ ... }: { }""");
        var check = _evaluation.Evaluate("_module.check", "module.nix");
        Assert.True(check.Succeeded, check.Stderr);
        Assert.Equal("true", check.Stdout);
        var freeform = _evaluation.Evaluate("_module.freeformType", "module.nix");
        Assert.True(freeform.Succeeded, freeform.Stderr);
        Assert.Equal("null", freeform.Stdout);
    }

    // The defaults are tried before config._module is read: a bad _module declaration or
    // definition is still the error, as when config._module was read first.
    [Fact]
    public void A_declaration_of_module_that_is_not_a_set_is_still_the_error()
    {
        _evaluation.Write("module.nix", """{ options._module = 5; config.unknown = 1; }""");
        var result = _evaluation.Evaluate("config", "module.nix");
        Assert.False(result.Succeeded);
        Assert.Matches(@"An option declaration for `_module' has type\s+`int' rather than an attribute set\.", result.Stderr);
    }

    [Fact]
    public void A_definition_of_module_that_is_not_a_set_is_still_the_error()
    {
        _evaluation.Write("module.nix", """{ config._module = 5; }""");
        var result = _evaluation.Evaluate("config", "module.nix");
        Assert.False(result.Succeeded);
        Assert.Matches(@"you're trying to define a value of type `int'\s+rather than an attribute set for the option\s+`_module'!", result.Stderr);
    }
}
