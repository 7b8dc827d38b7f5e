namespace ConfigLang.Evaluator.Runtime.Values;

/// <summary>
/// Sorts many attributes by name (<c>listToAttrs</c> of a generated list, a large JSON object)
/// without a comparer call per comparison: names made by a program mostly share a prefix
/// ("name1", "name2", …), so the eight bytes after the common prefix, packed into a number, order
/// nearly all of them, and only names equal in those bytes are compared as strings. A comparison
/// through <see cref="Symbol.ByName"/> was 13% of building and reading a set of 100,000 names.
/// </summary>
internal static class NameSort
{
    // Below this a comparer sort is as fast and makes no arrays.
    private const int KeyedSortMinimum = 64;

    /// <summary>
    /// Sorts the first <paramref name="count"/> names, and the values with them, by ordinal order,
    /// keeping of several entries with one name the first (or with <paramref name="lastWins"/> the
    /// last), and returns how many are left at the start of the arrays; -1 (nothing done) when the
    /// names are too few for keys or a name is not bytes.
    /// </summary>
    public static int TrySortUnique(Symbol[] names, Value[] values, int count, bool lastWins)
    {
        if (count < KeyedSortMinimum || !TryMakeKeys(names, count, out var keys)) return -1;
        var order = new int[count];
        for (var i = 0; i < count; i++) order[i] = i;
        Array.Sort(keys, order);
        SortTies(keys, order, names);
        PutKeptFirst(order, names, lastWins);
        Permute(names, values, order);
        var unique = 1;
        for (var k = 1; k < count; k++)
        {
            if (ReferenceEquals(names[k], names[unique - 1])) continue;
            names[unique] = names[k];
            values[unique++] = values[k];
        }
        return unique;
    }

    /// <summary>In each run of one name (adjacent after sorting, in any order), moves the entry
    /// written first (or last) to the front of the run, where the compaction keeps it.</summary>
    private static void PutKeptFirst(int[] order, Symbol[] names, bool lastWins)
    {
        var start = 0;
        for (var i = 1; i <= order.Length; i++)
        {
            if (i < order.Length && ReferenceEquals(names[order[i]], names[order[start]])) continue;
            var kept = start;
            for (var j = start + 1; j < i; j++)
            {
                if (lastWins ? order[j] > order[kept] : order[j] < order[kept]) kept = j;
            }
            (order[start], order[kept]) = (order[kept], order[start]);
            start = i;
        }
    }

    /// <summary>Per name, its eight bytes after the prefix all names share
    /// as a big-endian number, a missing byte as 0; false when a char is not a byte (see <see cref="ByteText"/>).</summary>
    private static bool TryMakeKeys(Symbol[] names, int count, out ulong[] keys)
    {
        var first = names[0].Name;
        var prefix = first.Length;
        for (var i = 1; i < count && prefix > 0; i++) prefix = first.AsSpan(0, prefix).CommonPrefixLength(names[i].Name);
        keys = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            var name = names[i].Name;
            ulong key = 0;
            for (var j = prefix; j < prefix + sizeof(ulong); j++)
            {
                var unit = j < name.Length ? name[j] : '\0';
                if (unit > 0xFF) return false;
                key = key << 8 | unit;
            }
            keys[i] = key;
        }
        return true;
    }

    /// <summary>Orders each run of equal keys by the whole names (the key is a prefix of them, and
    /// a name ending there has the same key as one going on with a 0 byte).</summary>
    private static void SortTies(ulong[] keys, int[] order, Symbol[] names)
    {
        IComparer<int>? byName = null;
        var start = 0;
        for (var i = 1; i <= keys.Length; i++)
        {
            if (i < keys.Length && keys[i] == keys[start]) continue;
            if (i - start > 1 && !AllSame(names, order, start, i))
            {
                byName ??= Comparer<int>.Create((x, y) => string.CompareOrdinal(names[x].Name, names[y].Name));
                Array.Sort(order, start, i - start, byName);
            }
            start = i;
        }
    }

    /// <summary>Whether a run is one name repeated (a long list of few names): nothing to sort.</summary>
    private static bool AllSame(Symbol[] names, int[] order, int start, int end)
    {
        for (var i = start + 1; i < end; i++)
        {
            if (!ReferenceEquals(names[order[i]], names[order[start]])) return false;
        }
        return true;
    }

    /// <summary>Puts the entry at <c>order[k]</c> at <c>k</c>, in place, cycle by cycle (marking each
    /// placed index by setting <c>order[k] = k</c>).</summary>
    private static void Permute(Symbol[] names, Value[] values, int[] order)
    {
        for (var start = 0; start < order.Length; start++)
        {
            if (order[start] == start) continue;
            var name = names[start];
            var value = values[start];
            var k = start;
            while (true)
            {
                var from = order[k];
                order[k] = k;
                if (from == start)
                {
                    names[k] = name;
                    values[k] = value;
                    break;
                }
                names[k] = names[from];
                values[k] = values[from];
                k = from;
            }
        }
    }
}
