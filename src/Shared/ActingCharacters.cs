using System.Globalization;
using System.Text;

namespace ConfigLang.Shared;

/// <summary>
/// The one rule of which characters act on a terminal or a log viewer instead of showing: the C0
/// controls (tab and line feed among them), DEL, the C1 controls (U+0080–U+009F; some terminals read
/// U+009B as an escape sequence's start), the bidirectional embeddings, overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069), which reorder a line so that it reads unlike what it is, and the
/// line and paragraph separators (U+2028, U+2029), which some viewers break a line at. Compiled into
/// the Evaluator (TerminalText) and the ACME executor (ServerText), which may not reference each
/// other; each keeps tab and line feed as its output needs.
/// </summary>
internal static class ActingCharacters
{
    /// <summary>The highest character that acts (the last isolate): a search for them may stop here.</summary>
    public const char Highest = '\u2069';

    public static bool Acts(char c) =>
        c is < ' ' or (>= '\u007f' and <= '\u009f') or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= Highest) or '\u2028' or '\u2029';

    /// <summary>Appends <paramref name="c"/> as it is shown escaped, <c>\u</c> and four lowercase hex digits
    /// (<c>\u001b</c>): the one place that format is written.</summary>
    public static StringBuilder AppendEscaped(StringBuilder to, char c) =>
        to.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
}
