using System.Text;
using System.Text.RegularExpressions;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// Translates POSIX extended regular expressions (what Nix's <c>match</c> and <c>split</c>
/// take) into .NET patterns. The dialects differ, so nothing is passed through blindly:
/// bracket expressions are rebuilt (<c>[[:alpha:]]</c>, a leading <c>]</c>, a literal
/// backslash), <c>.</c> matches newlines, <c>$</c> means end of input, a quantifier after a
/// quantifier (<c>a*?</c>) is a repetition of the repetition, not a lazy quantifier, and
/// <c>\1</c> is not a backreference. POSIX leftmost-longest alternation is not emulated:
/// .NET picks the first alternative that matches.
/// <para>
/// Patterns and inputs come from configurations, so matching runs on .NET's non-backtracking
/// engine: time linear in the input (<c>(a*)*b</c> cannot take exponential time). The translation
/// therefore emits no backreference, lookaround or atomic group. Patterns are bounded in length
/// and the cache in entries, so neither construction nor caching grows with hostile input.
/// </para>
/// </summary>
public static class PosixRegex
{
    private static readonly Dictionary<string, string> Classes = new(StringComparer.Ordinal)
    {
        ["alpha"] = "a-zA-Z", ["digit"] = "0-9", ["alnum"] = "a-zA-Z0-9", ["upper"] = "A-Z", ["lower"] = "a-z",
        ["space"] = " \\t\\n\\r\\f\\v", ["blank"] = " \\t", ["punct"] = "!-/:-@\\[-`{-~", ["xdigit"] = "0-9A-Fa-f",
        ["cntrl"] = "\\x00-\\x1f\\x7f", ["print"] = " -~", ["graph"] = "!-~", ["word"] = "a-zA-Z0-9_",
    };

    /// <summary>The longest pattern accepted; far beyond any hand-written one.</summary>
    public const int MaxPatternLength = 64 * 1024;

    /// <summary>How many compiled patterns are kept; a configuration generating patterns starts the cache over.</summary>
    private const int MaxCached = 1024;

    private static readonly Dictionary<(string, bool), PosixPattern> Cache = new();

    /// <summary>The compiled pattern; <paramref name="wholeString"/> anchors it at both ends (for <c>match</c>).
    /// Throws <see cref="ArgumentException"/> for a pattern that is invalid, too long or beyond the engine.</summary>
    public static PosixPattern Compile(string pattern, bool wholeString)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue((pattern, wholeString), out var cached)) return cached;
            if (pattern.Length > MaxPatternLength)
            {
                throw new ArgumentException($"the pattern is {pattern.Length} characters long, more than the {MaxPatternLength} allowed");
            }
            var compiled = new PosixPattern(pattern, wholeString);
            if (Cache.Count >= MaxCached) Cache.Clear();
            Cache[(pattern, wholeString)] = compiled;
            return compiled;
        }
    }

    /// <summary>The .NET regex for <paramref name="pattern"/> on the non-backtracking engine; with a
    /// <paramref name="sentinel"/>, for inputs that carry it as one extra last character (see <see cref="PosixPattern"/>).</summary>
    internal static Regex Build(string pattern, bool wholeString, char? sentinel, out bool anchored)
    {
        var translated = Translate(pattern, sentinel, out anchored);
        var end = sentinel is { } s ? $"{Escape(s)}?\\z" : "\\z";
        try
        {
            return new Regex(wholeString ? $"\\A(?:{translated}){end}" : translated,
                RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException e)
        {
            // What the linear-time engine refuses (\G, a pattern that would unfold too large).
            throw new ArgumentException(e.Message, e);
        }
    }

    private static string Escape(char c) => $"\\u{(int)c:X4}";

    public static string Translate(string pattern) => Translate(pattern, null, out _);

    /// <summary>The .NET form of <paramref name="pattern"/>. With a <paramref name="sentinel"/>, <c>$</c>
    /// consumes it and nothing else does; <paramref name="anchored"/> tells whether <c>^</c> or <c>$</c> occur.</summary>
    private static string Translate(string pattern, char? sentinel, out bool anchored)
    {
        anchored = false;
        var output = new StringBuilder();
        var atomStart = -1;
        var lastWasQuantifier = false;
        var depthStarts = new Stack<int>();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '[':
                    atomStart = output.Length;
                    i = TranslateBracket(pattern, i, output, sentinel);
                    lastWasQuantifier = false;
                    break;
                case '(':
                    depthStarts.Push(output.Length);
                    output.Append('(');
                    atomStart = -1;
                    lastWasQuantifier = false;
                    break;
                case ')':
                    output.Append(')');
                    atomStart = depthStarts.Count > 0 ? depthStarts.Pop() : -1;
                    lastWasQuantifier = false;
                    break;
                case '*' or '+' or '?' or '{':
                {
                    var end = i;
                    if (c == '{')
                    {
                        end = pattern.IndexOf('}', i);
                        if (end < 0 || !Regex.IsMatch(pattern.AsSpan(i, end - i + 1), @"^\{\d*(,\d*)?\}$"))
                        {
                            atomStart = output.Length;
                            output.Append("\\{");
                            lastWasQuantifier = false;
                            break;
                        }
                    }
                    if (atomStart < 0)
                    {
                        // A quantifier with nothing to repeat is a literal in practice.
                        atomStart = output.Length;
                        output.Append('\\').Append(c);
                        lastWasQuantifier = false;
                        break;
                    }
                    if (lastWasQuantifier)
                    {
                        // a*? in ERE repeats "a*"; wrap so .NET does not read it as lazy.
                        output.Insert(atomStart, "(?:");
                        output.Append(')');
                    }
                    output.Append(pattern, i, end - i + 1);
                    i = end;
                    lastWasQuantifier = true;
                    break;
                }
                case '\\':
                    atomStart = output.Length;
                    if (i + 1 < pattern.Length)
                    {
                        var next = pattern[++i];
                        if (char.IsDigit(next)) output.Append(next);
                        else if (next is 'w' or 's' or 'd' or 'W' or 'S' or 'D')
                        {
                            // Spelled out: strings are bytes (one per char), and .NET's \w and \s would take
                            // some above 0x7F (0xE9 as é, 0xA0) that Nix's C locale does not.
                            var set = Classes[char.ToLowerInvariant(next) switch { 'w' => "word", 's' => "space", _ => "digit" }];
                            if (char.IsUpper(next)) output.Append("[^").Append(set).Append(sentinel is { } s ? Escape(s) : "").Append(']');
                            else output.Append('[').Append(set).Append(']');
                        }
                        else if (char.IsLetterOrDigit(next)) output.Append('\\').Append(next);
                        else output.Append(Regex.Escape(next.ToString()));
                    }
                    else
                    {
                        output.Append("\\\\");
                    }
                    lastWasQuantifier = false;
                    break;
                case '$':
                    output.Append(sentinel is { } last ? Escape(last) : "\\z");
                    anchored = true;
                    atomStart = -1;
                    lastWasQuantifier = false;
                    break;
                case '^':
                    output.Append("\\A");
                    anchored = true;
                    atomStart = -1;
                    lastWasQuantifier = false;
                    break;
                case '|':
                    output.Append('|');
                    atomStart = -1;
                    lastWasQuantifier = false;
                    break;
                case '.':
                    atomStart = output.Length;
                    output.Append(sentinel is { } any ? $"[^{Escape(any)}]" : ".");
                    lastWasQuantifier = false;
                    break;
                default:
                    atomStart = output.Length;
                    if (c is '#' or ' ' or '}' or ']') output.Append('\\').Append(c);
                    else output.Append(c);
                    lastWasQuantifier = false;
                    break;
            }
        }
        return output.ToString();
    }

    /// <summary>Rebuilds <c>[…]</c> starting at <paramref name="start"/>; returns the index of its closing bracket.</summary>
    private static int TranslateBracket(string pattern, int start, StringBuilder output, char? sentinel)
    {
        var i = start + 1;
        output.Append('[');
        var negated = i < pattern.Length && pattern[i] == '^';
        if (negated)
        {
            output.Append('^');
            i++;
        }
        var first = true;
        for (; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == ']' && !first)
            {
                if (negated && sentinel is { } excluded) output.Append(Escape(excluded));
                output.Append(']');
                return i;
            }
            first = false;
            if (c == '[' && i + 1 < pattern.Length && pattern[i + 1] is ':' or '=' or '.')
            {
                var kind = pattern[i + 1];
                var close = pattern.IndexOf(kind + "]", i + 2, StringComparison.Ordinal);
                if (close > 0)
                {
                    var name = pattern.Substring(i + 2, close - i - 2);
                    if (kind == ':')
                    {
                        if (!Classes.TryGetValue(name, out var range)) throw new ArgumentException($"invalid character class '{name}'");
                        output.Append(range);
                    }
                    else
                    {
                        output.Append(Regex.Escape(name));
                    }
                    i = close + 1;
                    continue;
                }
            }
            if (c is '\\' or '[' or ']' or '^') output.Append('\\').Append(c);
            else output.Append(c);
        }
        throw new ArgumentException("unterminated bracket expression");
    }
}
