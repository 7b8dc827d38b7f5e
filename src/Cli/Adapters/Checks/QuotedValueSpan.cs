using ConfigLang.Evaluator.Text;

namespace ConfigLang.Cli.Adapters.Checks;

/// <summary>
/// Locates a string value the name checks report (a domain name, a server URL) where the host
/// file writes it as a literal: the first <c>"value"</c> after the quoted <c>anchor</c> (the
/// certificate's or virtual host's name), else the first anywhere; when the value is computed
/// (interpolated, inherited), <see cref="SourceSpanFinder"/> over the fallback names.
/// </summary>
public static class QuotedValueSpan
{
    public static SourceLocation Find(SourceText host, string value, string? anchor, IEnumerable<string> fallback)
    {
        var quoted = "\"" + value + "\"";
        var from = anchor is null ? null : SourceSpanFinder.FindWord(host.Text, "\"" + anchor + "\"");
        var at = (from is { } start ? SourceSpanFinder.FindWord(host.Text, quoted, start) : null)
            ?? SourceSpanFinder.FindWord(host.Text, quoted);
        return at is { } offset
            ? new SourceLocation(host, new TextSpan(offset, quoted.Length))
            : SourceSpanFinder.Find(host, fallback);
    }
}
