using ConfigLang.Evaluator.Text;

namespace ConfigLang.Cli.Adapters.Checks;

/// <summary>
/// Locates what the name checks report in the host file, when <see cref="SourceSpanFinder"/>'s
/// "first mention" is not precise enough because one name occurs in several roles (as a
/// certificate, a virtual host, an alias and an extra domain name at once).
/// </summary>
public static class HostSpans
{
    /// <summary>The span of the string literal <c>"value"</c>, searched after a chain of anchors
    /// (each looked for after the previous one, skipped when absent; see <see cref="Anchor"/>),
    /// else anywhere; when the value is computed rather than written, <see cref="SourceSpanFinder"/>
    /// over <paramref name="fallback"/>.</summary>
    public static SourceLocation Value(SourceText host, string value, IEnumerable<string> anchors, IEnumerable<string> fallback)
    {
        var quoted = "\"" + value + "\"";
        var from = AfterAnchors(host.Text, anchors);
        var at = SourceSpanFinder.FindWord(host.Text, quoted, from) ?? SourceSpanFinder.FindWord(host.Text, quoted);
        return at is { } offset ? new SourceLocation(host, new TextSpan(offset, quoted.Length)) : SourceSpanFinder.Find(host, fallback);
    }

    /// <summary>The span where the attribute <paramref name="name"/> (a certificate or virtual host)
    /// is defined, searched after the anchors; else <see cref="SourceSpanFinder"/> over <paramref name="fallback"/>.</summary>
    public static SourceLocation Attribute(SourceText host, string name, IEnumerable<string> anchors, IEnumerable<string> fallback)
    {
        var written = AttributeText(name);
        var from = AfterAnchors(host.Text, anchors);
        var at = AttributeOffset(host.Text, written, from) ?? AttributeOffset(host.Text, written, 0);
        return at is { } offset ? new SourceLocation(host, new TextSpan(offset, written.Length)) : SourceSpanFinder.Find(host, fallback);
    }

    /// <summary>The offset after which to search: each anchor found after the previous one, first
    /// as an attribute definition (<c>"example.org" =</c>, <c>certs."example.org".</c>), then as any
    /// mention; an anchor not found is skipped.</summary>
    private static int AfterAnchors(string text, IEnumerable<string> anchors)
    {
        var from = 0;
        foreach (var anchor in anchors)
        {
            var written = AttributeText(anchor);
            if ((AttributeOffset(text, written, from) ?? SourceSpanFinder.FindWord(text, written, from)) is { } at) from = at;
        }
        return from;
    }

    // Names with characters beyond an identifier's are written in quotes.
    private static string AttributeText(string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '\'') ? name : "\"" + name + "\"";

    // An occurrence followed by `=` (not `==`) or `.`: the name is being defined, not used as a value.
    private static int? AttributeOffset(string text, string written, int from)
    {
        for (var at = SourceSpanFinder.FindWord(text, written, from); at is { } start; at = SourceSpanFinder.FindWord(text, written, start + 1))
        {
            var next = start + written.Length;
            while (next < text.Length && char.IsWhiteSpace(text[next])) next++;
            if (next < text.Length && (text[next] == '.' || (text[next] == '=' && (next + 1 >= text.Length || text[next + 1] != '='))))
                return start;
        }
        return null;
    }
}
