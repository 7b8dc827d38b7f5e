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
    // The names known when the first entry without a value is met grow with later entries.
    [InlineData("[{name=\"a\";value=1;} {name=\"a\";} {name=\"b\";value=2;} {name=\"b\";}]", "{ a = 1; b = 2; }")]
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

    [Fact]
    public void A_large_list_checks_value_only_where_the_name_is_new()
    {
        // Past 2,048 entries the entries are sorted once; the first entry of a name still decides.
        const string entries = "builtins.genList (i: { name = \"n${toString i}\"; value = i; }) 3000";
        Assert.Equal("2999", Evaluate.Value($"(builtins.listToAttrs ({entries} ++ [ {{ name = \"n0\"; }} ])).n2999"));
        Assert.Equal("0", Evaluate.Value($"(builtins.listToAttrs ({entries} ++ [ {{ name = \"n0\"; value = 1; }} ])).n0"));
        Assert.StartsWith("error: attribute 'value' missing", Evaluate.Error($"builtins.listToAttrs ({entries} ++ [ {{ name = \"new\"; }} ])"));
        Assert.StartsWith("error: attribute 'value' missing", Evaluate.Error($"builtins.listToAttrs ([ {{ name = \"new\"; }} ] ++ {entries} ++ [ {{ name = \"new\"; value = 1; }} ])"));
    }

    [Fact]
    public void Entries_without_value_after_many_names_are_checked_against_all_of_them()
    {
        // Repeats of the last of many names, then of the first, then one new: only the new one is an error.
        const string entries = "builtins.genList (i: { name = \"n${toString i}\"; value = i; }) 20000";
        const string repeats = "builtins.genList (i: { name = if i < 10000 then \"n19999\" else \"n0\"; }) 20000";
        Assert.Equal("[ 20000 19999 0 ]", Evaluate.Value($"let s = builtins.listToAttrs ({entries} ++ {repeats}); in [ (builtins.length (builtins.attrNames s)) s.n19999 s.n0 ]"));
        Assert.StartsWith("error: attribute 'value' missing", Evaluate.Error($"builtins.listToAttrs ({entries} ++ {repeats} ++ [ {{ name = \"n20000\"; }} ])"));
    }

    [Theory]
    [InlineData("[{name=\"a\";} {name=\"a\";value=1;}]", "error: attribute 'value' missing")]
    [InlineData("[{name=\"a\";} {}]", "error: attribute 'value' missing")]
    [InlineData("[{name=\"a\";value=1;} {}]", "error: attribute 'name' missing")]
    public void A_missing_attribute_of_a_new_name_is_an_error(string list, string message) =>
        Assert.StartsWith(message, Evaluate.Error($"builtins.listToAttrs ({list})"));

    // Names sharing a prefix ("p"), then sharing their next eight bytes too ("abcdefgh…", where the
    // keyed sort falls back to whole names), with bytes above 0x7F ("ü", "é") and of every length.
    private const string ManyNames = """
        (let stems = [ "" "a" "ab" "abcdefgh" "abcdefghi" "abcdefgh0" "abcdefghü" "abcdefgh\t" "ü" "é" "z" "Z" ];
        in builtins.concatLists (map (s: builtins.genList (i: "p${s}${toString (i * 37 - (i * 37 / 11) * 11)}") 11) stems))
        """;

    [Fact]
    public void Many_names_sharing_a_prefix_are_ordered_bytewise_and_the_first_of_each_wins()
    {
        var set = $"(let names = {ManyNames}; in builtins.listToAttrs (map (n: {{ name = n; value = n; }}) names ++ map (n: {{ name = n; value = \"later\"; }}) (builtins.genList (i: builtins.elemAt names (131 - i)) 132)))";
        Assert.Equal("true", Evaluate.Value($"builtins.attrNames {set} == builtins.sort builtins.lessThan {ManyNames}"));
        Assert.Equal("true", Evaluate.Value($"builtins.all (n: {set}.${{n}} == n) {ManyNames}"));
        Assert.Equal("[ \"p0\" \"pabcdefgh03\" ]", Evaluate.Value($"let n = builtins.attrNames {set}; in [ (builtins.head n) (builtins.elemAt n 60) ]"));
    }

    [Fact]
    public void A_long_list_of_few_names_keeps_the_first_and_a_json_object_the_last()
    {
        Assert.Equal("{ n0 = 0; n1 = 1; n2 = 2; }", Evaluate.Value("builtins.listToAttrs (builtins.genList (i: { name = \"n${toString (i - i / 3 * 3)}\"; value = i; }) 300)"));
        Assert.Equal("{ k0 = 99; k1 = 97; k2 = 98; }", Evaluate.Value(
            "builtins.fromJSON (\"{\" + builtins.concatStringsSep \",\" (builtins.genList (i: \"\\\"k${toString (i - i / 3 * 3)}\\\": ${toString i}\") 100) + \"}\")"));
    }
}
