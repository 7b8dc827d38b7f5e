using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>Names reach attribute sets as symbols by several roads (JSON keys decoded on the
/// stack, string values that remember their symbol); each road must give the one symbol.</summary>
public sealed class AttributeNameTests
{
    [Fact]
    public void Characters_and_strings_intern_to_the_same_symbol()
    {
        var fresh = "attribute-name-tests-" + Guid.NewGuid().ToString("N");
        var fromSpan = Symbol.Intern(fresh.AsSpan());

        Assert.Same(fromSpan, Symbol.Intern(fresh));
        Assert.Same(fromSpan, Symbol.Intern(new string(fresh.AsSpan())));
        Assert.Same(Symbol.Intern("name"), Symbol.Intern("xname".AsSpan(1)));
    }

    [Fact]
    public void A_string_value_used_as_a_name_finds_its_symbol()
    {
        var value = StringValue.Of("attribute-name-tests-value");

        Assert.Same(Symbol.Intern("attribute-name-tests-value"), Symbol.Intern(value));
        Assert.Same(Symbol.Intern(value), Symbol.Intern(value));
        Assert.Equal("attribute-name-tests-value", Symbol.Intern("attribute-name-tests-value").Value.Text);
    }

    [Fact]
    public void Json_keys_with_escapes_and_long_keys_are_decoded()
    {
        var longKey = new string('k', 300);
        Assert.Equal("[ \"a\\\"b\" \"" + longKey + "\" \"ét\" ]",
            Evaluate.Value("builtins.attrNames (builtins.fromJSON ''{\"\\u00e9t\": 1, \"a\\\"b\": 2, \"" + longKey + "\": 3}'')"));
        Assert.Equal("{ a = 1; b = 2; }",
            Evaluate.Value("builtins.fromJSON ''{\"b\": 2, \"a\": 1}''"));
    }

    [Fact]
    public void Names_from_attrNames_select_and_rebuild_sets()
    {
        Assert.Equal("{ x-a = 1; x-b = 2; }", Evaluate.Value(
            "let s = { a = 1; b = 2; }; in builtins.listToAttrs (map (n: { name = \"x-${n}\"; value = s.${n}; }) (builtins.attrNames s))"));
        Assert.Equal("{ a = 2; b = 4; }", Evaluate.Value(
            "builtins.mapAttrs (n: v: v * 2) (builtins.listToAttrs (map (n: { name = n; value = { a = 1; b = 2; }.${n}; }) [ \"a\" \"b\" ]))"));
    }
}
