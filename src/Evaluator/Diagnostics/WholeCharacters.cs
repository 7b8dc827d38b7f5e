namespace ConfigLang.Evaluator.Diagnostics;

/// <summary>
/// How much of a text, in whole characters, fits in a number of UTF-8 bytes, from its start or from its
/// end: a cut there never splits a surrogate pair (an emoji's halves are not characters).
/// </summary>
public static class WholeCharacters
{
    /// <summary>How many UTF-16 units at the start of <paramref name="text"/> fit in <paramref name="budget"/> UTF-8 bytes.</summary>
    public static int FittingPrefix(ReadOnlySpan<char> text, long budget, out long bytes)
    {
        bytes = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var (units, size) = c < 0x80 ? (1, 1)
                : c < 0x800 ? (1, 2)
                : char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? (2, 4)
                : (1, 3);
            if (bytes + size > budget) break;
            bytes += size;
            i += units;
        }
        return i;
    }

    /// <summary>How many UTF-16 units at the end of <paramref name="text"/> fit in <paramref name="budget"/> UTF-8 bytes.</summary>
    public static int FittingSuffix(ReadOnlySpan<char> text, long budget, out long bytes)
    {
        bytes = 0;
        var i = text.Length;
        while (i > 0)
        {
            var c = text[i - 1];
            var (units, size) = c < 0x80 ? (1, 1)
                : c < 0x800 ? (1, 2)
                : char.IsLowSurrogate(c) && i >= 2 && char.IsHighSurrogate(text[i - 2]) ? (2, 4)
                : (1, 3);
            if (bytes + size > budget) break;
            bytes += size;
            i -= units;
        }
        return text.Length - i;
    }
}
