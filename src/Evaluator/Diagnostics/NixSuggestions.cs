using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Diagnostics;

/// <summary>
/// The names Nix 2.8 suggests for a missing attribute or an unexpected argument ("Did you mean y?"):
/// those within edit distance 2 of what was asked for, nearest first (then by name), at most five.
/// Distances count bytes, as Nix's do: names are compared as the UTF-8 byte text symbols keep.
/// </summary>
public static class NixSuggestions
{
    private const int MaxDistance = 2;
    private const int Limit = 5;

    /// <summary>The suggestions for <paramref name="query"/>, as text.</summary>
    public static IReadOnlyList<string> For(Symbol query, IEnumerable<Symbol> names)
    {
        var found = new List<(int Distance, string Name)>();
        var asked = query.Name;
        foreach (var symbol in names)
        {
            var name = symbol.Name;
            // A name too long or short by more than the distance allowed cannot be within it: not even compared.
            if (Math.Abs(name.Length - asked.Length) > MaxDistance) continue;
            var distance = DistanceUpToMax(asked, name);
            if (distance <= MaxDistance) found.Add((distance, name));
        }
        // Byte text compares ordinally as Nix compares its strings, byte by byte.
        found.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : string.CompareOrdinal(a.Name, b.Name));
        return [.. found.Take(Limit).Select(f => ByteText.ToUnicode(f.Name))];
    }

    /// <summary>The Levenshtein distance when it is at most <see cref="MaxDistance"/>, else more: only the band of
    /// the table within that distance of its diagonal is computed, so a long name costs its length, not its square
    /// (the names come from the input).</summary>
    private static int DistanceUpToMax(string a, string b)
    {
        const int Far = MaxDistance + 1;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = Math.Min(j, Far);
        for (var i = 1; i <= a.Length; i++)
        {
            var from = Math.Max(1, i - MaxDistance);
            var to = Math.Min(b.Length, i + MaxDistance);
            current[0] = Math.Min(i, Far);
            if (from > 1) current[from - 1] = Far;
            // The slot just past the previous row's band holds Far (that row set it below; the first row's is Far
            // already), so a deletion from there needs no test of its own.
            for (var j = from; j <= to; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                var deletion = previous[j] + 1;
                var insertion = current[j - 1] + 1;
                current[j] = Math.Min(Far, Math.Min(substitution, Math.Min(deletion, insertion)));
            }
            if (to < b.Length) current[to + 1] = Far;
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
