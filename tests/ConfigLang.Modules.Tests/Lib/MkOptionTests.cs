using ConfigLang.Evaluator;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Modules.Evaluation;

namespace ConfigLang.Modules.Tests.Lib;

/// <summary>
/// <c>lib.mkOption attrs</c> is <c>attrs // { _type = "option"; }</c>: names in order, each call
/// with its own values, the given attributes keeping their positions, <c>_type</c> with none,
/// whether the set is new, of a shape met before, or already holding <c>_type</c>.
/// </summary>
public sealed class MkOptionTests
{
    private static string Evaluate(string expression)
    {
        var options = ConfigurationQuery.WithModules(new EvaluatorOptions { CurrentDirectory = Path.GetTempPath() });
        var result = new ConfigEvaluator(options).Evaluate(new EvaluationRequest
        {
            Expression = $"let lib = import <configlang/lib>; in {expression}",
            Output = EvaluationOutput.Json,
        });
        Assert.True(result.Succeeded, result.Stderr);
        return result.Stdout;
    }

    [Fact]
    public void Calls_on_sets_of_one_shape_keep_their_own_values_and_positions()
    {
        var json = Evaluate("""
            let mk = d: lib.mkOption {
                  default = d;
                  type = lib.types.int;
                };
                a = mk 1;
                b = mk 2;
            in [ (builtins.attrNames a) (builtins.attrNames b) a._type b._type a.default b.default
                 (builtins.unsafeGetAttrPos "default" b).line (builtins.unsafeGetAttrPos "type" a).line
                 (builtins.unsafeGetAttrPos "_type" b) ]
            """);
        Assert.Equal("""[["_type","default","type"],["_type","default","type"],"option","option",1,2,2,3,null]""", json);
    }

    [Fact]
    public void A_name_ordered_before_the_tag_keeps_its_place_and_position()
    {
        var json = Evaluate("""
            let o = lib.mkOption {
                  Zeta = 1;
                  alpha = 2;
                };
            in [ (builtins.attrNames o) o.Zeta o.alpha (builtins.unsafeGetAttrPos "Zeta" o).line (builtins.unsafeGetAttrPos "alpha" o).line ]
            """);
        Assert.Equal("""[["Zeta","_type","alpha"],1,2,2,3]""", json);
    }

    [Fact]
    public void A_set_of_many_names_gets_the_tag_among_them_with_positions_kept()
    {
        // Four names or more: the shape's names come from `//` adding a few names to a larger set.
        var json = Evaluate("""
            let mk = d: lib.mkOption {
                  A = 0; B = 1;
                  default = d;
                  description = "x"; example = 3; type = lib.types.int;
                };
                a = mk 1;
                b = mk 2;
            in [ (builtins.attrNames b) a.default b.default b.B b.type.name
                 (builtins.unsafeGetAttrPos "B" b).line (builtins.unsafeGetAttrPos "default" a).line (builtins.unsafeGetAttrPos "_type" a) ]
            """);
        Assert.Equal("""[["A","B","_type","default","description","example","type"],1,2,1,"int",2,3,null]""", json);
    }

    [Fact]
    public void A_set_already_tagged_is_tagged_as_an_option()
    {
        Assert.Equal("""[["_type","default"],"option",5]""",
            Evaluate("""let o = lib.mkOption { _type = "other"; default = 5; }; in [ (builtins.attrNames o) o._type o.default ]"""));
    }

    [Fact]
    public void An_empty_set_becomes_the_tag_alone()
    {
        Assert.Equal("""{"_type":"option"}""", Evaluate("lib.mkOption { }"));
    }
}
