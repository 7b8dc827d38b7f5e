namespace ConfigLang.Evaluator.Diagnostics;

/// <summary>
/// How much of a text, in whole characters, fits in a number of UTF-8 bytes or UTF-16 units, from its start or
/// from its end: a cut there never splits a surrogate pair (an emoji's halves are not characters).
/// </summary>
public static class WholeCharacters
{
    /// <summary>The UTF-8 bytes the printed text takes for one char <paramref name="c"/>, <paramref name="paired"/>
    /// when it is one half of a surrogate pair (the pair takes 4 in all, counted at one of its halves). A lone
    /// surrogate (a kept invalid byte, see <see cref="Runtime.Values.ByteText"/>) is 3: the UTF-8 writers the
    /// commands print through replace it by U+FFFD.</summary>
    public static int Utf8Size(char c, bool paired) => c < 0x80 ? 1 : c < 0x800 ? 2 : paired ? 4 : 3;

    /// <summary>How many UTF-16 units at the start of <paramref name="text"/> fit in <paramref name="budget"/> UTF-8 bytes.</summary>
    public static int FittingPrefix(ReadOnlySpan<char> text, long budget, out long bytes)
    {
        bytes = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var size = Utf8Size(c, paired);
            if (bytes + size > budget) break;
            bytes += size;
            i += paired ? 2 : 1;
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
            var paired = char.IsLowSurrogate(c) && i >= 2 && char.IsHighSurrogate(text[i - 2]);
            var size = Utf8Size(c, paired);
            if (bytes + size > budget) break;
            bytes += size;
            i -= paired ? 2 : 1;
        }
        return text.Length - i;
    }

    /// <summary>How many UTF-16 units of <paramref name="head"/>, a text cut after some units, to keep so that the cut
    /// does not fall between the halves of a surrogate pair: all but a first half at its end.</summary>
    public static int CutLength(ReadOnlySpan<char> head) =>
        head.Length > 0 && char.IsHighSurrogate(head[^1]) ? head.Length - 1 : head.Length;
}
