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
/// </summary>
public static class PosixRegex
{
    private static readonly Dictionary<string, string> Classes = new(StringComparer.Ordinal)
    {
        ["alpha"] = "a-zA-Z", ["digit"] = "0-9", ["alnum"] = "a-zA-Z0-9", ["upper"] = "A-Z", ["lower"] = "a-z",
        ["space"] = " \\t\\n\\r\\f\\v", ["blank"] = " \\t", ["punct"] = "!-/:-@\\[-`{-~", ["xdigit"] = "0-9A-Fa-f",
        ["cntrl"] = "\\x00-\\x1f\\x7f", ["print"] = " -~", ["graph"] = "!-~", ["word"] = "a-zA-Z0-9_",
    };

    private static readonly Dictionary<(string, bool), Regex> Cache = new();

    /// <summary>The compiled .NET regex; <paramref name="wholeString"/> anchors it at both ends (for <c>match</c>).</summary>
    public static Regex Compile(string pattern, bool wholeString)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue((pattern, wholeString), out var cached)) return cached;
            var translated = Translate(pattern);
            var regex = new Regex(wholeString ? $"\\A(?:{translated})\\z" : translated, RegexOptions.Singleline | RegexOptions.CultureInvariant);
            Cache[(pattern, wholeString)] = regex;
            return regex;
        }
    }

    public static string Translate(string pattern)
    {
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
                    i = TranslateBracket(pattern, i, output);
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
                    output.Append("(?!(?s:.))");
                    atomStart = -1;
                    lastWasQuantifier = false;
                    break;
                case '^':
                    output.Append("\\A");
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
                    output.Append('.');
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
    private static int TranslateBracket(string pattern, int start, StringBuilder output)
    {
        var i = start + 1;
        output.Append('[');
        if (i < pattern.Length && pattern[i] == '^')
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
