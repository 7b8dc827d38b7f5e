namespace ConfigLang.Evaluator.Runtime.Values;

/// <summary>
/// Nix compares strings by their UTF-8 bytes, which is code-point order. UTF-16 ordinal order
/// differs where a surrogate pair (U+10000 and above) meets a character from U+E000 to U+FFFF:
/// "😀" &lt; "ｘ" is true ordinally but false in Nix. The first differing UTF-16 units are
/// remapped so that surrogates sort above every BMP character.
/// </summary>
public static class Utf8Order
{
    public static int Compare(string a, string b)
    {
        var common = a.AsSpan().CommonPrefixLength(b);
        if (common == a.Length || common == b.Length) return a.Length.CompareTo(b.Length);
        return CodePointRank(a[common]).CompareTo(CodePointRank(b[common]));
    }

    private static int CodePointRank(char unit) =>
        unit < 0xD800 ? unit : unit >= 0xE000 ? unit - 0x800 : unit + 0x2000;
}
