using System.Text;
using ConfigLang.Shared;

namespace ConfigLang.Acme.Protocol;

/// <summary>
/// Text a server chose (an ACME CA's problem detail, status or name; a DNS API's answer, redacted
/// first by <c>RedactedExcerpt</c>) as an error may quote it: cut short, since one answer may hold
/// megabytes and the error reaches the terminal and the journal on every renewal; on one line (tabs
/// and line breaks become spaces); and with every other control character (C0, C1) shown as
/// <c>\u001b</c>, so an answer cannot move the cursor, rewrite earlier lines or set a terminal's
/// title. Bidirectional controls and the Unicode line and paragraph separators are shown the same
/// way, so an answer cannot reorder or split the line it is in: <see cref="ActingCharacters"/>, the
/// rule the CLI's diagnostics escape by too.
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
            else Append(quoted, c);
        }
        return cut ? quoted.Append("...").ToString() : quoted.ToString();
    }

    /// <summary>
    /// A program's words (an exec provider's output) as the terminal may show them: its lines and
    /// tabs kept, every other control character and the layout characters shown as <c>\u001b</c>.
    /// The caller bounds the length.
    /// </summary>
    public static string ShowControls(string text)
    {
        if (!text.AsSpan().ContainsAnyExcept(Plain)) return text;
        var shown = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\t' or '\n') shown.Append(c);
            else Append(shown, c);
        }
        return shown.ToString();
    }

    private static void Append(StringBuilder to, char c)
    {
        if (ActingCharacters.Acts(c)) ActingCharacters.AppendEscaped(to, c);
        else to.Append(c);
    }

    // Printable ASCII, tab and line feed: text made only of these needs no copy.
    private static readonly System.Buffers.SearchValues<char> Plain =
        System.Buffers.SearchValues.Create("\t\n !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");
}
