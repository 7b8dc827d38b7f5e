namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// <c>builtins.listToAttrs</c> collects the entries and sorts them once: the first entry of a name
/// still wins, and a missing <c>value</c> is an error only where the name is new, as in Nix 2.8
/// (expected texts from nix-instantiate --eval --strict).
/// </summary>
public sealed class ListToAttrsTests
{
    [Theory]
    [InlineData("[{name=\"c\";value=1;} {name=\"b\";value=2;} {name=\"c\"; value=3;} {name=\"a\";value=4;} {name=\"b\";value=5;}]", "{ a = 4; b = 2; c = 1; }")]
    [InlineData("[{name=\"a\";value=1;} {name=\"a\";value=2;}]", "{ a = 1; }")]
    [InlineData("[{name=\"a\";value=1;} {name=\"a\";}]", "{ a = 1; }")]
    [InlineData("map (n: {name = n; value = n;}) [\"b\" \"a\" \"aa\" \"B\" \"\" \"a\"]", "{ \"\" = \"\"; B = \"B\"; a = \"a\"; aa = \"aa\"; b = \"b\"; }")]
    [InlineData("[]", "{ }")]
    public void The_first_entry_of_a_name_wins(string list, string expected) =>
        Assert.Equal(expected, Evaluate.Value($"builtins.listToAttrs ({list})"));

    [Fact]
    public void A_large_list_in_any_order_gives_every_name_once()
    {
        const string names = "builtins.genList (i: \"n${toString (i * 7919 - (i * 7919 / 5000) * 5000)}\") 10000";
        Assert.Equal("5000", Evaluate.Value($"builtins.length (builtins.attrNames (builtins.listToAttrs (map (n: {{ name = n; value = n; }}) ({names}))))"));
        Assert.Equal("true", Evaluate.Value($"let s = builtins.listToAttrs (map (n: {{ name = n; value = n; }}) ({names})); in builtins.all (n: s.${{n}} == n) (builtins.attrNames s)"));
    }

    [Theory]
    [InlineData("[{name=\"a\";} {name=\"a\";value=1;}]", "error: attribute 'value' missing")]
    [InlineData("[{name=\"a\";} {}]", "error: attribute 'value' missing")]
    [InlineData("[{name=\"a\";value=1;} {}]", "error: attribute 'name' missing")]
    public void A_missing_attribute_of_a_new_name_is_an_error(string list, string message) =>
        Assert.StartsWith(message, Evaluate.Error($"builtins.listToAttrs ({list})"));
}
