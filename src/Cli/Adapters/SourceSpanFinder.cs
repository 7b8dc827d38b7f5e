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

    /// <summary>The span of the first of <paramref name="candidates"/> found in <paramref name="source"/>.</summary>
    public static SourceLocation Find(SourceText source, IEnumerable<string> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (string.IsNullOrWhiteSpace(candidate) || candidate.Contains('<')) continue;
            if (FindWord(source.Text, candidate) is { } start) return new SourceLocation(source, new TextSpan(start, candidate.Length));
        }
        return new SourceLocation(source, new TextSpan(0, 0));
    }

    /// <summary>Candidates from a message: for each quoted option path its components, most
    /// specific first; then a certificate name the message starts with; then bare option paths.</summary>
    public static IEnumerable<string> CandidatesOf(string message)
    {
        foreach (Match match in QuotedName().Matches(message))
        {
            var parts = ConfigurationQuery.SplitPath(match.Groups[1].Value);
            for (var i = parts.Count - 1; i >= 0; i--) yield return parts[i];
        }
        if (CertificateName().Match(message) is { Success: true } cert) yield return cert.Groups[1].Value;
        foreach (Match match in BarePath().Matches(message))
        {
            var parts = match.Value.Split('.');
            for (var i = parts.Length - 1; i >= 0; i--) yield return parts[i];
        }
    }

    /// <summary>The offset of <paramref name="word"/> as a whole name (not inside a longer
    /// identifier, not in a comment), or null.</summary>
    public static int? FindWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
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
