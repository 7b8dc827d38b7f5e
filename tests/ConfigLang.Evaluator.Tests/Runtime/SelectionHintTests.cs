using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>A selection remembers where it found its name last time and tries that index first;
/// sets of other layouts met at the same place must still give their own value (or none).</summary>
public sealed class SelectionHintTests
{
    [Fact]
    public void A_stale_hint_finds_the_name_where_it_is_in_this_set()
    {
        var wide = new AttrSetValue(Names("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), Ints(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), null);
        var narrow = new AttrSetValue(Names("h", "j"), Ints(70, 90), null);
        var hint = 0;
        Assert.True(wide.TryGet(Symbol.Intern("j"), ref hint, out var fromWide));
        Assert.Equal(9, hint);
        Assert.Equal(9L, ((IntValue)fromWide).Value);
        // Index 9 is past the narrow set's end, index 1 holds another name there.
        Assert.True(narrow.TryGet(Symbol.Intern("h"), ref hint, out var fromNarrow));
        Assert.Equal(70L, ((IntValue)fromNarrow).Value);
        Assert.Equal(0, hint);
        Assert.False(wide.TryGet(Symbol.Intern("z"), ref hint, out _));
        Assert.True(wide.TryGet(Symbol.Intern("a"), ref hint, out var first));
        Assert.Equal(0L, ((IntValue)first).Value);
    }

    [Fact]
    public void A_walk_in_name_order_finds_each_name_and_leaves_the_hint_at_it()
    {
        // The results only: the search would leave the same hint, so this does not tell whether
        // the next position was tried first (a speed matter, seen in the gen-attrs benchmark).
        var set = new AttrSetValue(Names("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), Ints(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), null);
        var hint = 0;
        foreach (var (name, index) in new[] { ("a", 0), ("b", 1), ("c", 2), ("e", 4), ("f", 5), ("j", 9) })
        {
            Assert.True(set.TryGet(Symbol.Intern(name), ref hint, out var value));
            Assert.Equal(index, hint);
            Assert.Equal((long)index, ((IntValue)value).Value);
        }
        Assert.False(set.TryGet(Symbol.Intern("k"), ref hint, out _));
        Assert.Equal(9, hint);
    }

    [Fact]
    public void One_selection_over_sets_of_different_layouts_gives_each_its_own_value()
    {
        const string Sets = "(builtins.genList (i: builtins.listToAttrs (builtins.genList (k: { name = \"k${toString (k * (i + 1))}\"; value = i * 100 + k; }) (12 - i))) 12)";
        // Twelve sets, the first four searched by halving (more than eight names), in different orders.
        Assert.Equal("[ null 106 204 303 null 502 null null null null null null ]", Evaluate.Value(
            $"map (s: s.k12 or null) {Sets}"));
        Assert.Equal("[ 6 103 202 null null 501 null null null null null null ]", Evaluate.Value(
            $"map (s: s.k6 or null) {Sets}"));
        Assert.Equal("[ true true false true false false false false false false false false ]", Evaluate.Value(
            $"map (s: s ? k4) {Sets}"));
    }

    [Fact]
    public void One_function_called_with_sets_of_different_layouts_binds_each_its_own_formals()
    {
        const string Sets = "(builtins.genList (i: builtins.listToAttrs (builtins.genList (k: { name = \"k${toString (k * (i + 1))}\"; value = i * 100 + k; }) (12 - i))) 12)";
        Assert.Equal("[ \"0 6 \" \"100 103 106\" \"200 202 204\" \"300  303\" \"400  \" \"500 501 502\" ]", Evaluate.Value(
            $"map ({{ k0, k6 ? null, k12 ? null, ... }}: \"${{toString k0}} ${{toString k6}} ${{toString k12}}\") (builtins.genList (i: builtins.elemAt {Sets} i) 6)"));
    }

    private static Symbol[] Names(params string[] names) => [.. names.Select(Symbol.Intern)];

    private static Value[] Ints(params long[] values) => [.. values.Select(v => (Value)IntValue.Of(v))];
}
