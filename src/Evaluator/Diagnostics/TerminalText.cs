using System.Buffers;
using System.Text;
using ConfigLang.Shared;

namespace ConfigLang.Evaluator.Diagnostics;

/// <summary>
/// Text a configuration controls (a message, a name, a source line) as it may reach a terminal or a
/// CI log: every character that would act instead of show (<see cref="ActingCharacters"/>: C0 and C1
/// controls, DEL, bidi overrides and isolates, the line and paragraph separators) but line feed and
/// tab is written as <c>\u001b</c>. So a linted file cannot move the cursor, set a title, hide or
/// reorder text or clear the screen through our output. The ACME executor quotes a server's text by
/// the same rule (<c>ServerText</c>, in a project that does not see this one; the rule's file is
/// compiled into both).
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
            if (shown.Contains(c)) ActingCharacters.AppendEscaped(escaped, c);
            else escaped.Append(c);
        }
        return escaped.ToString();
    }

    // Exactly the characters shown escaped: those that act (ActingCharacters) but tab and line feed.
    private static readonly SearchValues<char> Escaped = SearchValues.Create(Characters(withLineFeed: false));

    // The same and the line feed.
    private static readonly SearchValues<char> EscapedOnOneLine = SearchValues.Create(Characters(withLineFeed: true));

    private static string Characters(bool withLineFeed)
    {
        var characters = new StringBuilder();
        // Built on first use (nearly every run): nothing above ActingCharacters.Highest acts.
        for (var c = char.MinValue; c <= ActingCharacters.Highest; c++)
        {
            if (ActingCharacters.Acts(c) && c != '\t' && (c != '\n' || withLineFeed)) characters.Append(c);
        }
        return characters.ToString();
    }
}
