using System.Globalization;
using System.Text;

namespace ConfigLang.Evaluator.Diagnostics;

/// <summary>
/// Text a configuration controls (a message, a name, a source line) as it may reach a terminal or a
/// CI log: every character that would act instead of show is written as <c>\u001b</c>. Those are the
/// C0 controls but line feed and tab, DEL, the C1 controls (U+0080–U+009F; some terminals read U+009B
/// as an escape sequence's start), and the bidirectional overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069), which reorder a line so that it reads unlike what it is ("Trojan Source"). So a
/// linted file cannot move the cursor, set a title, hide text or clear the screen through our output.
/// </summary>
public static class TerminalText
{
    /// <summary>Whether <paramref name="c"/> is shown escaped.</summary>
    public static bool IsEscaped(char c) => c switch
    {
        '\n' or '\t' => false,
        < ' ' => true,
        >= '\u007f' and <= '\u009f' => true,
        >= '\u202a' and <= '\u202e' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ => false,
    };

    /// <summary><paramref name="text"/> with each escaped character as <c>\u</c> and four hex digits; the same
    /// string when there is none.</summary>
    public static string Escape(string text) => Escape(text, keepLineFeeds: true);

    /// <summary>As <see cref="Escape(string)"/>, with line feeds escaped too: for a cell or a field that must stay on one line.</summary>
    public static string EscapeLine(string text) => Escape(text, keepLineFeeds: false);

    private static string Escape(string text, bool keepLineFeeds)
    {
        bool Shown(char c) => IsEscaped(c) || (c == '\n' && !keepLineFeeds);
        var first = text.AsSpan().IndexOfAnyExcept(SafeSearch);
        // Most text holds nothing to escape: return it as it is.
        while (first >= 0 && !Shown(text[first]))
        {
            var next = text.AsSpan(first + 1).IndexOfAnyExcept(SafeSearch);
            first = next < 0 ? -1 : first + 1 + next;
        }
        if (first < 0) return text;
        var escaped = new StringBuilder(text.Length + 16);
        escaped.Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            if (Shown(c)) escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else escaped.Append(c);
        }
        return escaped.ToString();
    }

    // Printable ASCII: the characters a scan can skip without a closer look.
    private static readonly System.Buffers.SearchValues<char> SafeSearch =
        System.Buffers.SearchValues.Create(" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");
}
