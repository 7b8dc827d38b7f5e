namespace ConfigLang.Acme.Protocol;

/// <summary>
/// A list whose length a server chose (a certificate's names, a zone's name servers) as an error
/// quotes it: the first few entries, then how many more, so a list of thousands is one short line.
/// </summary>
internal static class ShortList
{
    /// <summary>Entries quoted at most.</summary>
    public const int Shown = 8;

    /// <summary>The first <see cref="Shown"/> entries, each through <paramref name="format"/>, comma-separated, then "and N more".</summary>
    public static string Join<T>(IReadOnlyList<T> items, Func<T, string> format) =>
        string.Join(", ", items.Take(Shown).Select(format)) + (items.Count > Shown ? $" and {items.Count - Shown} more" : "");
}
