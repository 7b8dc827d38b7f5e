namespace ConfigLang.Acme.Dns;

/// <summary>
/// The TXT values of one name after a challenge adds or removes its own, for APIs that write a
/// name's values whole (RRsets): the others stay, so a wildcard and its base name validated together
/// both keep theirs.
/// </summary>
internal static class TxtValueSet
{
    /// <summary>
    /// <paramref name="current"/> (null: the name has none) with <paramref name="value"/> added or
    /// removed; null when that changes nothing (already there, or already gone).
    /// </summary>
    public static List<string>? Apply(IReadOnlyCollection<string>? current, string value, bool add)
    {
        var next = current?.ToList() ?? [];
        if (add ? next.Contains(value) : !next.Remove(value)) return null;
        if (add) next.Add(value);
        return next;
    }
}
