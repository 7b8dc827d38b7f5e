using System.Globalization;
using System.Text;

namespace ConfigLang.Acme.Protocol;

/// <summary>
/// Text a server chose (an ACME CA's problem detail, status or name; a DNS API's answer, redacted
/// first by <c>RedactedExcerpt</c>) as an error may quote it: cut short, since one answer may hold
/// megabytes and the error reaches the terminal and the journal on every renewal; on one line (tabs
/// and line breaks become spaces); and with every other control character (C0, C1) shown as
/// <c>\u001b</c>, so an answer cannot move the cursor, rewrite earlier lines or set a terminal's
/// title. Bidirectional controls and the Unicode line and paragraph separators are shown the same
/// way (the set the CLI's diagnostics escape), so an answer cannot reorder or split the line it is in.
/// </summary>
internal static class ServerText
{
    /// <summary>How much of a problem's detail is quoted: the longest real ones (Let's Encrypt's) are a few hundred characters.</summary>
    public const int DetailLength = 1000;

    /// <summary>How much of a short field (a status, a type, a name) is quoted.</summary>
    public const int FieldLength = 200;

    public static string Quote(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var cut = text.Length > maxLength;
        // An emoji is two chars: a cut between them would print half of one (an invalid character).
        var length = cut ? (maxLength > 0 && char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength) : text.Length;
        var quoted = new StringBuilder(length + 8);
        foreach (var c in text.AsSpan(0, length))
        {
            if (c is '\t' or '\n' or '\r') quoted.Append(' ');
            else if (char.IsControl(c) || IsInvisibleLayout(c)) quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else quoted.Append(c);
        }
        return cut ? quoted.Append("...").ToString() : quoted.ToString();
    }

    /// <summary>Bidi embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), line and paragraph separators (U+2028, U+2029).</summary>
    private static bool IsInvisibleLayout(char c) => c is (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') or '\u2028' or '\u2029';
}
