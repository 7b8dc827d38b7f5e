using System.Globalization;
using System.Text;

namespace ConfigLang.Acme.Protocol;

/// <summary>
/// Text an ACME server chose (a problem's detail, a status, a name in its answer) as an error may
/// quote it: cut short, since one answer may hold megabytes and the error reaches the terminal and
/// the journal on every renewal; on one line (tabs and line breaks become spaces); and with every
/// other control character shown as <c>\u001b</c>, so an answer cannot move the cursor, rewrite
/// earlier lines or set a terminal's title.
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
            else if (char.IsControl(c)) quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else quoted.Append(c);
        }
        return cut ? quoted.Append("...").ToString() : quoted.ToString();
    }
}
