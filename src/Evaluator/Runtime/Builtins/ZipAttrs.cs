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
        var total = 0;
        try
        {
            foreach (var item in items) total += interpreter.ForceAttrs(item, site).Count;
        }
        catch (EvaluationException e) when (!e.IsStackOverflow && e.Diagnostic.Code == EvaluationDiagnostics.TypeMismatch)
        {
            // Nix 2.8 forces the sets without a position, and frames a type error there.
            e.LocatedByNixAtIfRaisedAt(site, null);
            throw e.AddFrame("while invoking 'zipAttrsWith'", site);
        }
        if (total == 0) return AttrSetValue.Empty;
        var call = new SharedCall(interpreter, function, site);
        if (items.Length > MergeLimit) return ByCounting(call, items, total);
        // Up to MergeLimit sets, on the stack: recursiveUpdate zips two sets at every level of every merge.
        var few = new FewSets();
        var sets = ((Span<AttrSetValue>)few)[..items.Length];
        for (var k = 0; k < sets.Length; k++) sets[k] = Forced(items[k]);
        return ByMerging(call, sets);
    }

    /// <summary>An element of the list of sets, forced (to a set) already.</summary>
    private static AttrSetValue Forced(Value item) => Unsafe.As<AttrSetValue>(item.Force());

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

    /// <summary>After this many sets, the tables of <see cref="ByCounting"/> are made as large as the
    /// names seen so far predict.</summary>
    private const int SampledSets = 32;

    /// <summary>Grows the tables once to the number of names the sets seen so far predict (as many new
    /// names per name as so far): 3,000 modules each defining one certificate otherwise grew them
    /// a dozen times, making twice the memory they end with.</summary>
    private static void Reserve(Dictionary<Symbol, int> slotOf, List<Symbol> order, List<int> counts, int seen, int total)
    {
        if (seen == 0) return;
        var expected = (int)Math.Min(total, (long)order.Count * total / seen);
        slotOf.EnsureCapacity(expected);
        order.EnsureCapacity(expected);
        counts.EnsureCapacity(expected);
    }

    /// <summary>Many sets (the module system zips every module's definitions): each name gets a slot
    /// in order of first appearance, counted first so each group is made at its size, then sorted.
    /// The sets are the forced elements of <paramref name="items"/>, read again rather than copied.</summary>
    private static AttrSetValue ByCounting(SharedCall call, Value[] items, int total)
    {
        var slotOf = new Dictionary<Symbol, int>();
        var order = new List<Symbol>();
        var counts = new List<int>();
        var slots = new int[total];
        var at = 0;
        for (var k = 0; k < items.Length; k++)
        {
            if (k == SampledSets) Reserve(slotOf, order, counts, at, total);
            foreach (var name in Forced(items[k]).Names)
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

        // Filled from the last value back, each group's count as its cursor: no array of cursors.
        var remaining = CollectionsMarshal.AsSpan(counts);
        var groups = new object?[remaining.Length];
        for (var slot = 0; slot < groups.Length; slot++)
        {
            if (remaining[slot] > 1) groups[slot] = new Value[remaining[slot]];
        }
        for (var k = items.Length - 1; k >= 0; k--)
        {
            var values = Forced(items[k]).Values;
            for (var j = values.Length - 1; j >= 0; j--)
            {
                var slot = slots[--at];
                if (groups[slot] is { } group && group.GetType() == typeof(Value[])) ValueArray.Set(Unsafe.As<Value[]>(group), --remaining[slot], values[j]);
                // A name of its own in a set of one name (a module defining one certificate): the
                // set's value array is already the list of its values (neither is ever changed).
                else groups[slot] = values.Length == 1 && values.GetType() == typeof(Value[]) ? values : values[j];
            }
        }

        var names = order.ToArray();
        var result = new Value[names.Length];
        int[]? sorted = null;
        if (!AttrSetBuilder.IsSorted(names))
        {
            sorted = new int[names.Length];
            for (var k = 0; k < sorted.Length; k++) sorted[k] = k;
            Array.Sort(names, sorted, Symbol.ByName);
        }
        for (var k = 0; k < names.Length; k++)
        {
            result[k] = new ZipAttrThunk(call, names[k], groups[sorted is null ? k : sorted[k]]!);
        }
        return new AttrSetValue(names, result, null);
    }
}
