using ConfigLang.Modules.Diagnostics;

namespace ConfigLang.Modules.Options;

/// <summary>
/// Which declared options a path names (<c>configlang options PATH</c>): the option at the path
/// and every option declared under it. A placeholder in a declared location (<c>&lt;name&gt;</c>
/// of attrsOf, <c>*</c> of listOf) stands for any name, so
/// <c>security.acme.certs."example.org".group</c> names <c>security.acme.certs.&lt;name&gt;.group</c>,
/// as NixOS's option documentation calls it.
/// </summary>
public static class OptionSelection
{
    /// <summary>The indices of the <paramref name="locations"/> at or under <paramref name="path"/> (all for an empty path).</summary>
    public static IReadOnlyList<int> Select(IReadOnlyList<string> path, IReadOnlyList<IReadOnlyList<string>> locations) =>
        [.. Enumerable.Range(0, locations.Count).Where(i => StartsWith(locations[i], path, path.Count))];

    /// <summary>
    /// For a path that names nothing, the nearest paths that do: its first unknown name replaced by
    /// the closest names declared there (<see cref="OptionSuggester"/>, within an edit distance of
    /// a third of the name, at least 1), keeping the rest of the path when that still names an
    /// option. Shown as NixOS shows option names.
    /// </summary>
    public static IReadOnlyList<string> Suggest(IReadOnlyList<string> path, IReadOnlyList<IReadOnlyList<string>> locations)
    {
        var known = KnownPrefixLength(path, locations);
        if (known == path.Count) return [];
        var names = locations
            .Where(loc => loc.Count > known && StartsWith(loc, path, known))
            .Select(loc => loc[known])
            .Distinct(StringComparer.Ordinal);
        var suggestions = new List<string>();
        foreach (var name in OptionSuggester.Suggest(path[known], names))
        {
            // A typo, not merely the nearest of unrelated names (`nope` is not a misspelt `certs`).
            if (OptionSuggester.Distance(path[known], name) > Math.Max(1, path[known].Length / 3)) continue;
            string[] whole = [.. path.Take(known), name, .. path.Skip(known + 1)];
            var kept = locations.Any(loc => StartsWith(loc, whole, whole.Length)) ? whole : whole[..(known + 1)];
            var shown = OptionPath.Show(kept);
            if (!suggestions.Contains(shown)) suggestions.Add(shown);
        }
        return suggestions;
    }

    /// <summary>How many leading names of <paramref name="path"/> some declared location has.</summary>
    private static int KnownPrefixLength(IReadOnlyList<string> path, IReadOnlyList<IReadOnlyList<string>> locations)
    {
        var known = 0;
        while (known < path.Count && locations.Any(loc => StartsWith(loc, path, known + 1))) known++;
        return known;
    }

    /// <summary>Whether the first <paramref name="count"/> names of <paramref name="path"/> match the start of <paramref name="loc"/>.</summary>
    private static bool StartsWith(IReadOnlyList<string> loc, IReadOnlyList<string> path, int count)
    {
        if (loc.Count < count) return false;
        for (var i = 0; i < count; i++)
        {
            if (loc[i] != path[i] && !OptionPath.IsPlaceholder(loc[i])) return false;
        }
        return true;
    }
}
