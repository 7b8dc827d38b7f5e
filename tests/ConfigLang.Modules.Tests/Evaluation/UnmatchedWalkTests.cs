using ConfigLang.Evaluator;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Evaluation;
using ConfigLang.Modules.Lib;

namespace ConfigLang.Modules.Tests.Evaluation;

/// <summary>
/// The unmatched-definition walks (<see cref="OptionLevel.HasUnmatched"/> for the check,
/// <see cref="OptionLevel.Unmatched"/> for a <c>freeformType</c>) run for every submodule
/// instance: they build the levels that are defined, and neither an option nor a level that
/// nothing defines (built, each was kept by the instance though nothing read it).
/// </summary>
public sealed class UnmatchedWalkTests
{
    private static Value Option() => Nix.Attrs(("_type", Nix.Str("option")));

    // Declared: options `a` and `b`, a level `nested` with option `x`, a level `other` with option `y`.
    private static readonly Func<AttrSetValue> Declarations = () => Nix.Attrs(
        ("a", Option()),
        ("b", Option()),
        ("nested", Nix.Attrs(("x", Option()))),
        ("other", Nix.Attrs(("y", Option()))));

    private static OptionLevel Level(AttrSetValue config)
    {
        var interpreter = new ConfigEvaluator(new EvaluatorOptions()).CreateInterpreter();
        var system = new ModuleSystem(interpreter, () => AttrSetValue.Empty);
        return new OptionLevel(interpreter, system, [], [new DeclarationSource("m.nix", Declarations(), null)], () => [new ConfigSource("m.nix", config)]);
    }

    [Fact]
    public void The_check_builds_only_the_defined_level()
    {
        var level = Level(Nix.Attrs(("a", Nix.Int(1)), ("nested", Nix.Attrs(("x", Nix.Int(2))))));

        Assert.False(level.HasUnmatched());

        Assert.Equal(["nested"], level.BuiltNames);
    }

    [Fact]
    public void Finding_the_unmatched_definitions_builds_only_the_defined_level()
    {
        var level = Level(Nix.Attrs(("a", Nix.Int(1)), ("nested", Nix.Attrs(("x", Nix.Int(2)), ("z", Nix.Int(3)))), ("zz", Nix.Int(4))));

        var unmatched = level.Unmatched().Select(u => string.Join(".", u.Prefix)).ToList();

        Assert.Equal(["nested.z", "zz"], unmatched);
        Assert.Equal(["nested"], level.BuiltNames);
    }

    [Fact]
    public void A_bad_declaration_nothing_defines_is_still_an_error_of_both_walks()
    {
        var declarations = Nix.Attrs(("bare", Nix.Attrs(("_type", Nix.Str("option-type")))), ("a", Option()));
        OptionLevel Make()
        {
            var interpreter = new ConfigEvaluator(new EvaluatorOptions()).CreateInterpreter();
            var system = new ModuleSystem(interpreter, () => AttrSetValue.Empty);
            return new OptionLevel(interpreter, system, [], [new DeclarationSource("m.nix", declarations, null)], () => [new ConfigSource("m.nix", Nix.Attrs(("a", Nix.Int(1))))]);
        }

        var check = Assert.Throws<EvaluationException>(() => Make().HasUnmatched());
        var walk = Assert.Throws<EvaluationException>(() => Make().Unmatched().ToList());

        Assert.Contains("expected an option declaration at option path `bare` but got an attribute set with type option-type", check.Message);
        Assert.Equal(check.Message, walk.Message);
    }
}
