using System.Globalization;

namespace ConfigLang.Host.Checks;

/// <summary>
/// The Public Suffix List (publicsuffix.org), ICANN and private sections alike, as Let's Encrypt
/// uses it for its per-domain limits: normal rules, wildcards (<c>*.ck</c>) and exceptions
/// (<c>!www.ck</c>), with the implicit rule <c>*</c> (every top-level domain is a suffix).
/// Unicode rules are kept in their ASCII (punycode) form, as names are written.
/// </summary>
public sealed class PublicSuffixList
{
    /// <summary>Where Debian's <c>publicsuffix</c> package installs the list.</summary>
    public const string DebianPath = "/usr/share/publicsuffix/public_suffix_list.dat";

    // The list is ~250 KB; a file far beyond that at its path is not read.
    private const long MaxFileBytes = 16 << 20;

    private static readonly IdnMapping Idn = new();

    private readonly HashSet<string> _rules = new(StringComparer.Ordinal);
    private readonly HashSet<string> _wildcards = new(StringComparer.Ordinal);
    private readonly HashSet<string> _exceptions = new(StringComparer.Ordinal);

    private PublicSuffixList() { }

    /// <summary>The number of rules read.</summary>
    public int Count => _rules.Count + _wildcards.Count + _exceptions.Count;

    /// <summary>The list in the file format (one rule a line, <c>//</c> comments).</summary>
    public static PublicSuffixList Parse(string text)
    {
        var list = new PublicSuffixList();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal)) continue;
            var rule = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0];
            if (rule.StartsWith('!')) list._exceptions.Add(Ascii(rule[1..]));
            else if (rule.StartsWith("*.", StringComparison.Ordinal)) list._wildcards.Add(Ascii(rule[2..]));
            else list._rules.Add(Ascii(rule));
        }
        return list;
    }

    /// <summary>The list in <paramref name="path"/>, or null when there is none (or it cannot be read).</summary>
    public static PublicSuffixList? Load(string path)
    {
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists || file.Length > MaxFileBytes) return null;
            var list = Parse(File.ReadAllText(path));
            return list.Count > 0 ? list : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>How many trailing labels of <paramref name="labels"/> (lower case, ASCII) are its public suffix.</summary>
    public int SuffixLabels(IReadOnlyList<string> labels)
    {
        // An exception rule prevails over every other; it makes its parent the suffix.
        for (var i = 0; i < labels.Count; i++)
        {
            if (_exceptions.Contains(Join(labels, i))) return labels.Count - i - 1;
        }
        // Otherwise the longest matching rule, a wildcard standing for any one label.
        for (var i = 0; i < labels.Count; i++)
        {
            if (_rules.Contains(Join(labels, i)) || (i + 1 < labels.Count && _wildcards.Contains(Join(labels, i + 1)))) return labels.Count - i;
        }
        return 1;
    }

    private static string Join(IReadOnlyList<string> labels, int from) => string.Join('.', labels.Skip(from));

    private static string Ascii(string rule)
    {
        var lower = rule.ToLowerInvariant();
        if (lower.All(char.IsAscii)) return lower;
        try
        {
            return Idn.GetAscii(lower);
        }
        catch (ArgumentException)
        {
            return lower;
        }
    }
}
