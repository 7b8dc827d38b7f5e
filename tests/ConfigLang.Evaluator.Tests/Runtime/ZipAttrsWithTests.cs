namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary><c>zipAttrsWith</c> merges up to eight sets by walking their sorted names, more through
/// a table counted first; both must give the names in order and each name's values in list order,
/// and a result may share the name array of a set that has every name.</summary>
public sealed class ZipAttrsWithTests
{
    [Fact]
    public void A_few_sets_are_zipped_in_name_and_list_order()
    {
        Assert.Equal("{ a = [ 1 3 ]; b = [ 2 ]; c = [ 4 6 ]; d = [ 5 ]; }", Evaluate.Value(
            "builtins.zipAttrsWith (n: vs: vs) [ { a = 1; b = 2; } { } { a = 3; c = 4; } { c = 6; d = 5; } ]"));
        Assert.Equal("{ }", Evaluate.Value("builtins.zipAttrsWith (n: vs: vs) [ { } { } ]"));
        Assert.Equal("{ }", Evaluate.Value("builtins.zipAttrsWith (n: vs: vs) [ ]"));
        Assert.Equal("{ B = \"B1\"; a = \"a2\"; }", Evaluate.Value(
            "builtins.zipAttrsWith (n: vs: n + toString (builtins.length vs)) [ { a = 1; } { B = 1; a = 2; } ]"));
    }

    [Fact]
    public void A_few_sets_and_many_sets_give_the_same_result()
    {
        const string Sets = "map (i: { \"k${toString (i - i / 3 * 3)}\" = i; \"all\" = i; \"n${toString i}\" = i; })";
        var few = Evaluate.Value($"builtins.zipAttrsWith (n: vs: vs) ({Sets} (builtins.genList (i: i) 8))");
        var many = Evaluate.Value($"builtins.zipAttrsWith (n: vs: vs) ({Sets} (builtins.genList (i: i) 9))");
        Assert.Equal("{ all = [ 0 1 2 3 4 5 6 7 ]; k0 = [ 0 3 6 ]; k1 = [ 1 4 7 ]; k2 = [ 2 5 ]; n0 = [ 0 ]; n1 = [ 1 ]; n2 = [ 2 ]; n3 = [ 3 ]; n4 = [ 4 ]; n5 = [ 5 ]; n6 = [ 6 ]; n7 = [ 7 ]; }", few);
        Assert.Equal("{ all = [ 0 1 2 3 4 5 6 7 8 ]; k0 = [ 0 3 6 ]; k1 = [ 1 4 7 ]; k2 = [ 2 5 8 ]; n0 = [ 0 ]; n1 = [ 1 ]; n2 = [ 2 ]; n3 = [ 3 ]; n4 = [ 4 ]; n5 = [ 5 ]; n6 = [ 6 ]; n7 = [ 7 ]; n8 = [ 8 ]; }", many);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(40)]
    [InlineData(300)]
    public void Many_sets_give_each_name_its_values_in_list_order(int count)
    {
        // Past 32 sets the tables are grown once from the names seen so far; groups of one, of a
        // few and of every set are filled from the last set back.
        Assert.Equal("true", Evaluate.Value($$"""
            let
              sets = builtins.genList (i: { "k${toString (i - i / 3 * 3)}" = i; all = i; "n${toString i}" = i; }
                // (if i - i / 7 * 7 == 0 then { seventh = i; } else { })) {{count}};
              zipped = builtins.zipAttrsWith (n: vs: vs) sets;
              expected = n: builtins.concatMap (s: if s ? ${n} then [ s.${n} ] else [ ]) sets;
              names = builtins.attrNames zipped;
            in names == builtins.sort (a: b: a < b) names
              && builtins.all (n: zipped.${n} == expected n) names
              && builtins.length names == {{count}} + 5
            """));
    }

    [Fact]
    public void An_element_that_is_not_a_set_is_an_error()
    {
        Assert.Contains("value is an integer while a set was expected",
            Evaluate.Error("builtins.zipAttrsWith (n: vs: vs) [ { a = 1; } 2 ]"));
    }

    [Fact]
    public void A_result_with_the_names_of_one_set_is_still_a_set_of_its_own()
    {
        // As Nix 2.8 prints it: the values of zipped are shared with the update.
        Assert.Equal("[ { a = [ 1 2 ]; b = [ 2 ]; c = [ 3 4 ]; } { a = «repeated»; b = «repeated»; c = «repeated»; z = 0; } { a = 1; c = 3; } ]", Evaluate.Value("""
            let
              small = { a = 1; c = 3; };
              zipped = builtins.zipAttrsWith (n: vs: vs) [ small { a = 2; b = 2; c = 4; } ];
            in [ zipped (zipped // { z = 0; }) small ]
            """));
    }

    [Fact]
    public void The_values_stay_unevaluated_until_asked_for()
    {
        Assert.Equal("[ \"a\" \"b\" ]", Evaluate.Value(
            "builtins.attrNames (builtins.zipAttrsWith (n: vs: throw \"no\") [ { a = throw \"x\"; } { b = 1; } ])"));
        Assert.Equal("[ 1 ]", Evaluate.Value(
            "(builtins.zipAttrsWith (n: vs: [ (builtins.length vs) ]) [ { a = throw \"x\"; } ]).a"));
        Assert.Equal("2", Evaluate.Value(
            "builtins.length (builtins.zipAttrsWith (n: vs: vs) (builtins.genList (i: { \"k${toString i}\" = throw \"x\"; }) 20)).k7 + 1"));
    }

    [Fact]
    public void A_value_that_needs_itself_is_an_error() =>
        Assert.Contains("recursion", Evaluate.Error("let r = builtins.zipAttrsWith (n: vs: r.a) [ { a = 1; } ]; in r.a"));
}
