using System.Text;
using Sprache;

namespace ConfigLang.Acme.Credentials;

/// <summary>
/// Parses systemd <c>EnvironmentFile=</c> syntax (what NixOS' <c>security.acme.*.environmentFile</c>
/// points at): blank lines; comments starting with <c>#</c> or <c>;</c>; <c>KEY=VALUE</c> with
/// optional blanks around <c>=</c>; values made of unquoted, <c>"double"</c> (with <c>\" \\ \` \$</c>
/// escapes) and <c>'single'</c> quoted runs; a backslash before a newline continues the line.
/// No <c>export</c> keyword (systemd has none). Later assignments win. Errors give line and column
/// but never the file's text, since it holds secrets.
/// </summary>
public static class EnvironmentFileParser
{
    private static readonly Parser<string> Blanks = Parse.Chars(' ', '\t').Many().Text();

    private static readonly Parser<char> LineContinuation =
        from backslash in Parse.Char('\\')
        from newline in Parse.Char('\n')
        select '\0';

    private static readonly Parser<string> Comment =
        from marker in Parse.Chars('#', ';')
        from text in Parse.CharExcept('\n').Many()
        select "";

    private static readonly Parser<string> Key =
        from first in Parse.Letter.Or(Parse.Char('_'))
        from rest in Parse.LetterOrDigit.Or(Parse.Char('_')).Or(Parse.Char('.')).Many().Text()
        select first + rest;

    // Inside double quotes: \" \\ \` \$ lose the backslash, backslash-newline vanishes, other
    // backslashes stay (systemd's rule).
    private static readonly Parser<string> DoubleQuotedPart =
        LineContinuation.Return("")
            .Or(from backslash in Parse.Char('\\') from c in Parse.Chars('"', '\\', '`', '$') select c.ToString())
            .Or(from backslash in Parse.Char('\\') from c in Parse.AnyChar select "\\" + c)
            .Or(Parse.CharExcept("\"\\").Select(c => c.ToString()));

    private static readonly Parser<ValuePart> DoubleQuoted =
        from open in Parse.Char('"')
        from parts in DoubleQuotedPart.Many()
        from close in Parse.Char('"').Named("closing double quote")
        select new ValuePart(string.Concat(parts), Quoted: true);

    private static readonly Parser<ValuePart> SingleQuoted =
        from open in Parse.Char('\'')
        from text in Parse.CharExcept('\'').Many().Text()
        from close in Parse.Char('\'').Named("closing single quote")
        select new ValuePart(text, Quoted: true);

    // Unquoted: backslash escapes the next character, backslash-newline continues the line.
    private static readonly Parser<string> UnquotedChar =
        LineContinuation.Return("")
            .Or(from backslash in Parse.Char('\\') from c in Parse.CharExcept('\n') select c.ToString())
            .Or(Parse.CharExcept("\"'\\\n").Select(c => c.ToString()));

    private static readonly Parser<ValuePart> Unquoted =
        UnquotedChar.AtLeastOnce().Select(parts => new ValuePart(string.Concat(parts), Quoted: false));

    private static readonly Parser<string> Value =
        DoubleQuoted.Or(SingleQuoted).Or(Unquoted).Many().Select(Join);

    private static readonly Parser<KeyValuePair<string, string>?> Assignment =
        from key in Key
        from before in Blanks
        from assign in Parse.Char('=')
        from after in Blanks
        from value in Value
        select (KeyValuePair<string, string>?)new KeyValuePair<string, string>(key, value);

    private static readonly Parser<KeyValuePair<string, string>?> Line =
        from indent in Blanks
        from content in Comment.Return((KeyValuePair<string, string>?)null)
            .Or(Assignment)
            .Or(Parse.Return((KeyValuePair<string, string>?)null))
        from end in Parse.Char('\n').Return(true).Or(Parse.LineEnd.Return(true)).Or(Parse.Return(true).End())
        select content;

    /// <summary>Parses <paramref name="text"/>; <paramref name="sourceName"/> only labels errors.</summary>
    public static IReadOnlyDictionary<string, string> ParseText(string text, string sourceName = "environment file")
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var input = new Input(normalized);
        while (!input.AtEnd)
        {
            var line = Line(input);
            if (!line.WasSuccessful || line.Remainder.Position == input.Position)
            {
                var at = line.WasSuccessful ? input : line.Remainder;
                throw new EnvironmentFileException(sourceName, at.Line, at.Column, Explain(normalized, input.Position));
            }
            if (line.Value is { } pair) result[pair.Key] = pair.Value;
            input = (Input)line.Remainder;
        }
        return result;
    }

    /// <summary>Reads and parses a file.</summary>
    public static IReadOnlyDictionary<string, string> ParseFile(string path) => ParseText(System.IO.File.ReadAllText(path), path);

    // A description of what is wrong that quotes no text of the file.
    private static string Explain(string text, int lineStart)
    {
        var end = text.IndexOf('\n', lineStart);
        var line = end < 0 ? text[lineStart..] : text[lineStart..end];
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith("export ", StringComparison.Ordinal))
            return "'export' is shell syntax; systemd environment files take plain KEY=VALUE lines";
        if (!trimmed.Contains('=', StringComparison.Ordinal)) return "expected KEY=VALUE, a comment or a blank line";
        if (trimmed.Length > 0 && !(char.IsAsciiLetter(trimmed[0]) || trimmed[0] == '_'))
            return "a variable name starts with a letter or '_'";
        return "unterminated quote or invalid variable name";
    }

    private static string Join(IEnumerable<ValuePart> parts)
    {
        var list = parts.ToList();
        var text = new StringBuilder();
        for (var i = 0; i < list.Count; i++)
        {
            var part = list[i];
            // Trailing blanks of an unquoted value are not part of it.
            text.Append(i == list.Count - 1 && !part.Quoted ? part.Text.TrimEnd(' ', '\t') : part.Text);
        }
        return text.ToString();
    }

    private sealed record ValuePart(string Text, bool Quoted);
}
