namespace ConfigLang.Modules.Diagnostics;

/// <summary>
/// Finds the declared names closest to a misspelt one for "Did you mean …?": the three nearest
/// by edit distance (ties keep alphabetical order). Among many candidates (100 or more) only
/// names within distance 2 are offered, so a huge option set does not produce noise.
/// </summary>
public static class OptionSuggester
{
    public static IReadOnlyList<string> Suggest(string name, IEnumerable<string> candidates)
    {
        var sorted = candidates.Order(StringComparer.Ordinal).ToList();
        var scored = sorted.Select(c => (Name: c, Distance: Distance(name, c)));
        if (sorted.Count >= 100) scored = scored.Where(s => s.Distance <= 2);
        return scored.OrderBy(s => s.Distance).Take(3).Select(s => s.Name).ToList();
    }

    /// <summary>The Levenshtein distance (insertions, deletions, substitutions).</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
