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
    /// them defined last (the definition that conflicts with an earlier one) and the spans of the
    /// others that are defined; null when fewer than two are found. The files are read in order
    /// (the host, then the files it imports): "last" is the last in that order.</summary>
    public static (SourceLocation Conflicting, IReadOnlyList<SourceLocation> Earlier)? FindMutuallyExclusive(IReadOnlyList<SourceText> sources, string message)
    {
        if (!message.Contains("mutually exclusive", StringComparison.Ordinal)) return null;
        var names = BarePath().Matches(message).Select(m => m.Value.Split('.')[^1])
            .Concat(QuotedName().Matches(message).Select(m => ConfigurationQuery.SplitPath(m.Groups[1].Value)[^1]))
            .Distinct(StringComparer.Ordinal).ToList();
        var found = sources.SelectMany(source => names
                .Select(n => (Name: n, At: FindWord(source.Text, n, 0))).Where(f => f.At is not null)
                .OrderBy(f => f.At).Select(f => new SourceLocation(source, new TextSpan(f.At!.Value, f.Name.Length))))
            .ToList();
        if (found.Count < 2) return null;
        var conflicting = found[^1];
        // Each earlier option as defined closest before the conflicting one in its file (the
        // same block, usually), else where it was first found.
        var earlier = found.Take(found.Count - 1).Select(f => ReferenceEquals(f.Source, conflicting.Source)
                ? LastBefore(f.Source, f.Source.Text.Substring(f.Span.Start, f.Span.Length), conflicting.Span.Start) ?? f
                : f)
            .ToList();
        return (conflicting, earlier);
    }

    private static SourceLocation? LastBefore(SourceText source, string word, int end)
    {
        SourceLocation? last = null;
        for (var at = FindWord(source.Text, word, 0); at is { } start && start < end; at = FindWord(source.Text, word, start + 1))
            last = new SourceLocation(source, new TextSpan(start, word.Length));
        return last;
    }

    /// <summary>The span of the first of <paramref name="candidates"/> found in <paramref name="source"/>.
    /// A quoted candidate (a certificate or virtual host name such as <c>"example.org"</c>) that
    /// occurs in the file anchors the search: the names listed before it (more specific) are
    /// looked for in the bindings of that name only, so <c>webroot</c> is found in that
    /// certificate's block rather than in another one; then in the <c>defaults</c> a certificate
    /// inherits; else the anchor itself is the span. With it, how good the match is: the index of
    /// the candidate found (lower is more specific), <see cref="int.MaxValue"/> when none was (the
    /// location is then the start of the file).</summary>
    public static (SourceLocation Location, int Rank) FindRanked(SourceText source, IReadOnlyList<string> candidates)
    {
        var usable = candidates.Where(c => !string.IsNullOrWhiteSpace(c) && !c.Contains('<')).ToList();
        var anchorIndex = usable.FindIndex(c => c.StartsWith('"') && FindWord(source.Text, c, 0) is not null);
        if (anchorIndex >= 0)
        {
            var anchor = usable[anchorIndex];
            var from = FindWord(source.Text, anchor, 0)!.Value;
            var specific = usable.Take(anchorIndex).ToList();
            // In each binding of the anchor (a certificate may be set in several places), then in
            // the defaults it inherits (security.acme.defaults), then the anchor.
            foreach (var scope in (string[])[anchor, "defaults"])
            {
                for (var at = FindWord(source.Text, scope, 0); at is { } start; at = FindWord(source.Text, scope, start + 1))
                {
                    if (First(source, specific, start, ScopeEnd(source.Text, start + scope.Length)) is { } inScope) return inScope;
                }
            }
            return (new SourceLocation(source, new TextSpan(from, anchor.Length)), anchorIndex);
        }
        return First(source, usable, 0) ?? (new SourceLocation(source, new TextSpan(0, 0)), int.MaxValue);
    }

    private static (SourceLocation Location, int Rank)? First(SourceText source, IReadOnlyList<string> candidates, int from, int end = int.MaxValue)
    {
        for (var rank = 0; rank < candidates.Count; rank++)
        {
            var candidate = candidates[rank];
            if (FindWord(source.Text, candidate, from) is { } start && start < end) return (new SourceLocation(source, new TextSpan(start, candidate.Length)), rank);
        }
        return null;
    }

    /// <summary>Where the binding that names an anchor ends: after <c>"x" = { … }</c> the matching
    /// brace, after <c>"x".a.b = v;</c> or <c>"x" = v;</c> the semicolon (strings and comments are
    /// not read closely: a heuristic for pointing, not a parser). The options of one certificate
    /// are looked for there before anywhere else, so a neighbour's option is not taken for its own.</summary>
    private static int ScopeEnd(string text, int from)
    {
        var depth = 0;
        for (var i = from; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '{' or '[' or '(':
                    depth++;
                    break;
                case '}' or ']' or ')':
                    if (--depth < 0) return i;
                    if (depth == 0 && text[i] == '}' && NextNonSpace(text, i + 1) == ';') return i + 1;
                    break;
                case ';' when depth == 0:
                    return i;
            }
        }
        return text.Length;
    }

    private static char NextNonSpace(string text, int from)
    {
        while (from < text.Length && char.IsWhiteSpace(text[from])) from++;
        return from < text.Length ? text[from] : '\0';
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
