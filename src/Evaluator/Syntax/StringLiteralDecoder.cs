using System.Text;

namespace ConfigLang.Evaluator.Syntax;

/// <summary>
/// Decodes the escapes of string text as Nix does: <c>\n</c>, <c>\r</c>, <c>\t</c>, and
/// <c>\x</c> for any other x is x itself (so <c>\"</c>, <c>\\</c>, <c>\$</c>). A raw carriage
/// return, alone or before a line feed, becomes a line feed.
/// </summary>
public static class StringLiteralDecoder
{
    public static string Decode(ReadOnlySpan<char> raw) => Decode(raw, null);

    /// <summary>Text without escapes comes from <paramref name="cache"/>, shared with earlier equal literals.</summary>
    internal static string Decode(ReadOnlySpan<char> raw, LiteralCache? cache)
    {
        if (raw.IndexOfAny('\\', '\r') < 0) return cache is null ? raw.ToString() : cache.Get(raw);
        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\\' && i + 1 < raw.Length)
            {
                var e = raw[++i];
                builder.Append(e switch { 'n' => '\n', 'r' => '\r', 't' => '\t', _ => e });
            }
            else if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < raw.Length && raw[i + 1] == '\n') i++;
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
