using System.Buffers;
using System.Globalization;
using System.Text;

namespace ConfigLang.Evaluator.Diagnostics;

/// <summary>
/// Text a configuration controls (a message, a name, a source line) as it may reach a terminal or a
/// CI log: every character that would act instead of show is written as <c>\u001b</c>. Those are the
/// C0 controls but line feed and tab, DEL, the C1 controls (U+0080–U+009F; some terminals read U+009B
/// as an escape sequence's start), the bidirectional overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069), which reorder a line so that it reads unlike what it is ("Trojan Source"), and the
/// line and paragraph separators (U+2028, U+2029), which some viewers break a line at. So a linted
/// file cannot move the cursor, set a title, hide text or clear the screen through our output. The
/// ACME executor quotes a server's text by the same set (<c>ServerText</c>, in a project that does not
/// see this one).
/// </summary>
public static class TerminalText
{
    /// <summary>Whether <paramref name="c"/> is shown escaped.</summary>
    public static bool IsEscaped(char c) => Escaped.Contains(c);

    /// <summary><paramref name="text"/> with each escaped character as <c>\u</c> and four hex digits; the same
    /// string when there is none.</summary>
    public static string Escape(string text) => Escape(text, Escaped);

    /// <summary>As <see cref="Escape(string)"/>, with line feeds escaped too: for a cell or a field that must stay on one line.</summary>
    public static string EscapeLine(string text) => Escape(text, EscapedOnOneLine);

    private static string Escape(string text, SearchValues<char> shown)
    {
        var first = text.AsSpan().IndexOfAny(shown);
        // Most text holds nothing to escape: return it as it is.
        if (first < 0) return text;
        var escaped = new StringBuilder(text.Length + 16);
        escaped.Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            if (shown.Contains(c)) escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else escaped.Append(c);
        }
        return escaped.ToString();
    }

    // Exactly the characters shown escaped: C0 but line feed and tab, DEL and C1, the bidi overrides and isolates, the separators.
    private static readonly SearchValues<char> Escaped = SearchValues.Create(Characters(withLineFeed: false));

    // The same and the line feed.
    private static readonly SearchValues<char> EscapedOnOneLine = SearchValues.Create(Characters(withLineFeed: true));

    private static string Characters(bool withLineFeed)
    {
        var characters = new StringBuilder();
        for (var c = '\0'; c < ' '; c++)
        {
            if (c != '\t' && (c != '\n' || withLineFeed)) characters.Append(c);
        }
        for (var c = '\u007f'; c <= '\u009f'; c++) characters.Append(c);
        for (var c = '\u202a'; c <= '\u202e'; c++) characters.Append(c);
        for (var c = '\u2066'; c <= '\u2069'; c++) characters.Append(c);
        characters.Append('\u2028').Append('\u2029');
        return characters.ToString();
    }
}
