using ConfigLang.Evaluator.Text;

namespace ConfigLang.Cli.Adapters.Checks;

/// <summary>
/// Locates what the name checks report in one file, when <see cref="SourceSpanFinder"/>'s
/// "first mention" is not precise enough because one name occurs in several roles (as a
/// certificate, a virtual host, an alias and an extra domain name at once).
/// </summary>
public static class HostSpans
{
    /// <summary>The span of the string literal <c>"value"</c> in <paramref name="source"/>, searched
    /// after a chain of anchors (each looked for after the previous one, skipped when absent; see
    /// <see cref="AfterAnchors"/>), else anywhere in it; null when the value is computed rather than
    /// written there (<see cref="HostSources.Value"/> then falls back to the names).</summary>
    public static SourceLocation? FindValue(SourceText source, string value, IEnumerable<string> anchors)
    {
        var quoted = "\"" + value + "\"";
        var from = AfterAnchors(source.Text, anchors);
        var at = SourceSpanFinder.FindWord(source.Text, quoted, from) ?? SourceSpanFinder.FindWord(source.Text, quoted);
        return at is { } offset ? new SourceLocation(source, new TextSpan(offset, quoted.Length)) : null;
    }

    /// <summary>The span where the attribute <paramref name="name"/> (a certificate or virtual host)
    /// is defined in <paramref name="source"/>, searched after the anchors; null when it is not.</summary>
    public static SourceLocation? FindAttribute(SourceText source, string name, IEnumerable<string> anchors)
    {
        var written = AttributeText(name);
        var from = AfterAnchors(source.Text, anchors);
        var at = AttributeOffset(source.Text, written, from) ?? AttributeOffset(source.Text, written, 0);
        return at is { } offset ? new SourceLocation(source, new TextSpan(offset, written.Length)) : null;
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
