using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// <c>builtins.zipAttrsWith f sets</c>: each name of any set, in order, bound lazily to
/// <c>f name [ its values in list order ]</c>. The sets are forced first, in list order, as Nix does.
/// Arrays are made at their final size, and a result with the names of one of the sets shares that
/// set's name array: recursiveUpdate zips at every level of every merge, so this is its main allocation.
/// </summary>
internal static class ZipAttrs
{
    /// <summary>Up to this many sets, their sorted names are walked side by side; more go through a table.</summary>
    private const int MergeLimit = 8;

    public static AttrSetValue Zip(Interpreter interpreter, Value function, Value[] items, SourceLocation? site)
    {
        // Up to MergeLimit sets, on the stack: recursiveUpdate zips two sets at every level of every merge.
        var few = new FewSets();
        var sets = items.Length <= MergeLimit ? ((Span<AttrSetValue>)few)[..items.Length] : new AttrSetValue[items.Length];
        var total = 0;
        for (var k = 0; k < sets.Length; k++)
        {
            sets[k] = interpreter.ForceAttrs(items[k], site);
            total += sets[k].Count;
        }
        if (total == 0) return AttrSetValue.Empty;
        var call = new SharedCall(interpreter, function, site);
        return sets.Length <= MergeLimit ? ByMerging(call, sets) : ByCounting(call, sets, total);
    }

    [InlineArray(MergeLimit)]
    private struct FewSets
    {
        private AttrSetValue _first;
    }

    private static AttrSetValue ByMerging(SharedCall call, ReadOnlySpan<AttrSetValue> sets)
    {
        Span<int> cursors = stackalloc int[MergeLimit];
        cursors = cursors[..sets.Length];
        var count = 0;
        while (Smallest(sets, cursors, out _) is { } name)
        {
            for (var k = 0; k < sets.Length; k++)
            {
                if (cursors[k] < sets[k].Count && ReferenceEquals(sets[k].Names[cursors[k]], name)) cursors[k]++;
            }
            count++;
        }
        cursors.Clear();

        // A set with every name has them all in the same order: the result can share its array.
        Symbol[]? shared = null;
        foreach (var set in sets)
        {
            if (set.Count == count) { shared = set.Names; break; }
        }
        var names = shared ?? new Symbol[count];
        var values = new Value[count];
        for (var at = 0; at < count; at++)
        {
            var name = Smallest(sets, cursors, out var holders)!;
            object group;
            if (holders == 1)
            {
                var k = 0;
                while (cursors[k] == sets[k].Count || !ReferenceEquals(sets[k].Names[cursors[k]], name)) k++;
                group = sets[k].Values[cursors[k]++];
            }
            else
            {
                var several = new Value[holders];
                var filled = 0;
                for (var k = 0; k < sets.Length; k++)
                {
                    if (cursors[k] < sets[k].Count && ReferenceEquals(sets[k].Names[cursors[k]], name)) several[filled++] = sets[k].Values[cursors[k]++];
                }
                group = several;
            }
            if (shared is null) names[at] = name;
            values[at] = new ZipAttrThunk(call, name, group);
        }
        return new AttrSetValue(names, values, null);
    }

    /// <summary>The first name not walked past in any set, and how many sets have it there.</summary>
    private static Symbol? Smallest(ReadOnlySpan<AttrSetValue> sets, Span<int> cursors, out int holders)
    {
        Symbol? next = null;
        holders = 0;
        for (var k = 0; k < sets.Length; k++)
        {
            if (cursors[k] == sets[k].Count) continue;
            var name = sets[k].Names[cursors[k]];
            if (ReferenceEquals(name, next)) holders++;
            else if (next is null || string.CompareOrdinal(name.Name, next.Name) < 0) { next = name; holders = 1; }
        }
        return next;
    }

    /// <summary>Many sets (the module system zips every module's definitions): each name gets a slot
    /// in order of first appearance, counted first so each group is made at its size, then sorted.</summary>
    private static AttrSetValue ByCounting(SharedCall call, ReadOnlySpan<AttrSetValue> sets, int total)
    {
        var slotOf = new Dictionary<Symbol, int>();
        var order = new List<Symbol>();
        var counts = new List<int>();
        var slots = new int[total];
        var at = 0;
        foreach (var set in sets)
        {
            foreach (var name in set.Names)
            {
                if (!slotOf.TryGetValue(name, out var slot))
                {
                    slot = order.Count;
                    slotOf.Add(name, slot);
                    order.Add(name);
                    counts.Add(0);
                }
                counts[slot]++;
                slots[at++] = slot;
            }
        }

        var sizes = CollectionsMarshal.AsSpan(counts);
        var groups = new object?[sizes.Length];
        var filled = new int[sizes.Length];
        for (var slot = 0; slot < groups.Length; slot++)
        {
            if (sizes[slot] > 1) groups[slot] = new Value[sizes[slot]];
        }
        at = 0;
        foreach (var set in sets)
        {
            foreach (var value in set.Values)
            {
                var slot = slots[at++];
                if (sizes[slot] == 1) groups[slot] = value;
                else Unsafe.As<Value[]>(groups[slot])![filled[slot]++] = value;
            }
        }

        var names = order.ToArray();
        var values = new Value[names.Length];
        int[]? sorted = null;
        if (!AttrSetBuilder.IsSorted(names))
        {
            sorted = new int[names.Length];
            for (var k = 0; k < sorted.Length; k++) sorted[k] = k;
            Array.Sort(names, sorted, Symbol.ByName);
        }
        for (var k = 0; k < names.Length; k++)
        {
            values[k] = new ZipAttrThunk(call, names[k], groups[sorted is null ? k : sorted[k]]!);
        }
        return new AttrSetValue(names, values, null);
    }
}
