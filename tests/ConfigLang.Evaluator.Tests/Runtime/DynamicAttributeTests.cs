namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>A set literal with one dynamic attribute and nothing else (<c>certs.${name} = …;</c>) is
/// built without a builder; it must still drop a <c>null</c> name, keep the attribute's position,
/// report a bad name at the name, and stay lazy in its value. Expected values are Nix 2.8's.</summary>
public sealed class DynamicAttributeTests
{
    [Fact]
    public void A_lone_dynamic_attribute_is_a_set_of_one()
    {
        Assert.Equal("[ { a = 1; } { } { b = 2; } { x = { y = 1; z = 2; }; } ]", Evaluate.Value(
            """[ { ${"a"} = 1; } { ${null} = 1; } (rec { ${"b"} = 2; }) { x.${"y"} = 1; x.z = 2; } ]"""));
    }

    [Fact]
    public void A_lone_dynamic_attribute_keeps_its_position_and_laziness()
    {
        Assert.Equal("{ column = 41; line = 1; }", Evaluate.Value(
            """let p = builtins.unsafeGetAttrPos "a" { ${"a"} = throw "lazy"; }; in { inherit (p) column line; }"""));
    }

    [Fact]
    public void A_lone_dynamic_attribute_with_a_bad_name_is_an_error_at_the_name()
    {
        var trace = Evaluate.ErrorWithAllFrames("{ ${1} = 1; }");
        Assert.Contains("value is an integer while a string was expected", trace);
        Assert.Contains("while evaluating the name of a dynamic attribute", trace);
        Assert.Contains("«string»:1:5", trace);
    }
}
