using System.Text.RegularExpressions;
using ConfigLang.Evaluator.Text;
using ConfigLang.Modules.Evaluation;

namespace ConfigLang.Cli.Adapters;

/// <summary>
/// Finds the best span in a host file for a message that only names options or values (failed
/// assertions, warnings, C# checks): the first definition in the file of the most specific
/// name the message mentions, e.g. <c>webroot</c> for <c>security.acme.certs."x".webroot</c>.
/// Comments are skipped. Without a match the location is the start of the file.
/// </summary>
public static partial class SourceSpanFinder
{
    [GeneratedRegex("`([^`']+)['`]")]
    private static partial Regex QuotedName();

    // Messages written as NixOS writes some of them: bare option paths, "Certificate NAME (…".
    [GeneratedRegex(@"\b[a-zA-Z_][\w-]*(?:\.(?:<name>|[\w-]+))+")]
    private static partial Regex BarePath();

    [GeneratedRegex(@"^Certificate (\S+) ")]
    private static partial Regex CertificateName();

    [GeneratedRegex(@"^Certificate \S+ \(group=([^)\s]+)\)")]
    private static partial Regex CertificateGroup();

    // Assertions whose message names the option they guard, while their condition reads other
    // options that are usually the ones to change: those are looked for first.
    private static readonly (string Fragment, string[] Options)[] ConditionOptions =
    [
        ("needs a plain HTTP listener", ["listen", "listenAddresses", "defaultListen", "defaultListenAddresses"]),
    ];

    /// <summary>Candidates for an assertion or warning message: the options its condition reads
    /// (for the few messages listed in <see cref="ConditionOptions"/>), then <see cref="CandidatesOf"/>.</summary>
    public static IEnumerable<string> AssertionCandidatesOf(string message) =>
        ConditionOptions.Where(c => message.Contains(c.Fragment, StringComparison.Ordinal)).SelectMany(c => c.Options)
            .Concat(CandidatesOf(message));

    /// <summary>For a message saying options are "mutually exclusive": the span of the one of
    /// them defined last in the file (the definition that conflicts with an earlier one) and the
    /// spans of the others that are defined; null when fewer than two are found.</summary>
    public static (SourceLocation Conflicting, IReadOnlyList<SourceLocation> Earlier)? FindMutuallyExclusive(SourceText source, string message)
    {
        if (!message.Contains("mutually exclusive", StringComparison.Ordinal)) return null;
        var names = BarePath().Matches(message).Select(m => m.Value.Split('.')[^1])
            .Concat(QuotedName().Matches(message).Select(m => ConfigurationQuery.SplitPath(m.Groups[1].Value)[^1]))
            .Distinct(StringComparer.Ordinal);
        var found = names.Select(n => (Name: n, At: FindWord(source.Text, n, 0))).Where(f => f.At is not null)
            .OrderBy(f => f.At).Select(f => new SourceLocation(source, new TextSpan(f.At!.Value, f.Name.Length))).ToList();
        if (found.Count < 2) return null;
        return (found[^1], found.Take(found.Count - 1).ToList());
    }

    /// <summary>The span of the first of <paramref name="candidates"/> found in <paramref name="source"/>.
    /// A quoted candidate (a certificate or virtual host name such as <c>"example.org"</c>) that
    /// occurs in the file anchors the search: the names listed before it (more specific) are
    /// looked for after it first, so <c>webroot</c> is found in that certificate's block rather
    /// than in another one; then anywhere; then the anchor itself; then the remaining names.</summary>
    public static SourceLocation Find(SourceText source, IEnumerable<string> candidates)
    {
        var usable = candidates.Where(c => !string.IsNullOrWhiteSpace(c) && !c.Contains('<')).ToList();
        var anchorIndex = usable.FindIndex(c => c.StartsWith('"') && FindWord(source.Text, c, 0) is not null);
        if (anchorIndex >= 0)
        {
            var anchor = usable[anchorIndex];
            var from = FindWord(source.Text, anchor, 0)!.Value;
            var specific = usable.Take(anchorIndex).ToList();
            return First(source, specific, from) ?? First(source, specific, 0)
                ?? new SourceLocation(source, new TextSpan(from, anchor.Length));
        }
        return First(source, usable, 0) ?? new SourceLocation(source, new TextSpan(0, 0));
    }

    private static SourceLocation? First(SourceText source, IEnumerable<string> candidates, int from)
    {
        foreach (var candidate in candidates)
        {
            if (FindWord(source.Text, candidate, from) is { } start) return new SourceLocation(source, new TextSpan(start, candidate.Length));
        }
        return null;
    }

    /// <summary>Candidates from a message: the components of its quoted option paths, most
    /// specific first across all paths (every last component before any second-to-last);
    /// then for "Certificate NAME (group=G) must be readable" the group's value and the name;
    /// then the components of bare option paths. Names with a dot are looked for in quotes,
    /// as the language requires them there (<c>certs."example.org"</c>).</summary>
    public static IEnumerable<string> CandidatesOf(string message)
    {
        var quoted = QuotedName().Matches(message).Select(m => ConfigurationQuery.SplitPath(m.Groups[1].Value)).ToList();
        foreach (var part in ByDepth(quoted)) yield return part;
        if (CertificateName().Match(message) is { Success: true } cert)
        {
            // The group setting is usually the mistake; the certificate's name otherwise.
            if (CertificateGroup().Match(message) is { Success: true } group) yield return "\"" + group.Groups[1].Value + "\"";
            yield return Quoted(cert.Groups[1].Value);
        }
        foreach (var part in ByDepth([.. BarePath().Matches(message).Select(m => (IReadOnlyList<string>)m.Value.Split('.'))])) yield return part;
    }

    private static IEnumerable<string> ByDepth(IReadOnlyList<IReadOnlyList<string>> paths)
    {
        var longest = paths.Count == 0 ? 0 : paths.Max(p => p.Count);
        for (var depth = 1; depth <= longest; depth++)
        {
            foreach (var path in paths.Where(p => p.Count >= depth)) yield return Quoted(path[^depth]);
        }
    }

    private static string Quoted(string name) => name.Contains('.') ? "\"" + name + "\"" : name;

    /// <summary>The offset of <paramref name="word"/> as a whole name (not inside a longer
    /// identifier, not in a comment), or null.</summary>
    public static int? FindWord(string text, string word, int from = 0)
    {
        for (var at = text.IndexOf(word, from, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var before = at > 0 ? text[at - 1] : ' ';
            var after = at + word.Length < text.Length ? text[at + word.Length] : ' ';
            if (IsNameChar(before) || IsNameChar(after)) continue;
            var lineStart = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
            if (text.AsSpan(lineStart, at - lineStart).Contains('#')) continue;
            return at;
        }
        return null;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '\'' or '-';
}
