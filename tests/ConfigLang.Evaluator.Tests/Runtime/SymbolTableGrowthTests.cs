using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>Reads the process-wide symbol table, so it runs alone: no other test interns names meanwhile.</summary>
[CollectionDefinition(nameof(SymbolTableMeasurements), DisableParallelization = true)]
public sealed class SymbolTableMeasurements;

/// <summary>
/// The symbol table never shrinks by itself, and input controls the names it is given:
/// <c>listToAttrs</c> of a long list of one name (each entry's name a string of its own) must
/// not leave room for as many names, as reserving for the list's length did.
/// </summary>
[Collection(nameof(SymbolTableMeasurements))]
public sealed class SymbolTableGrowthTests
{
    private static string CopiesOfOneKnownName(int count, string tail = "") =>
        $"builtins.length (builtins.attrNames (builtins.listToAttrs (builtins.genList (i: {{ name = builtins.substring 0 4 \"name-{count}\"; value = i; }}) {count}{tail})))";

    [Fact]
    public void A_list_of_one_name_repeated_leaves_no_room_in_the_table()
    {
        // Once with few entries, so every name the expression has is known already.
        Assert.Equal("1", Evaluate.Value(CopiesOfOneKnownName(10)));
        var (capacity, count) = (Symbol.Capacity, Symbol.Count);
        // Room for them would be more than twice the room there is (what doubling would make).
        var entries = 2 * capacity + 4096;
        Assert.Equal("1", Evaluate.Value(CopiesOfOneKnownName(entries)));
        Assert.Equal(count, Symbol.Count);
        Assert.Equal(capacity, Symbol.Capacity);
    }

    [Fact]
    public void The_room_is_given_back_when_an_entry_fails_too()
    {
        Assert.StartsWith("error: attribute 'name' missing", Evaluate.Error(CopiesOfOneKnownName(10, " ++ [ { } ]")));
        var capacity = Symbol.Capacity;
        Assert.StartsWith("error: attribute 'name' missing", Evaluate.Error(CopiesOfOneKnownName(2 * capacity + 4096, " ++ [ { } ]")));
        Assert.Equal(capacity, Symbol.Capacity);
    }
}
