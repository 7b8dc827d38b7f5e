using System.Text.RegularExpressions;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>One match: where it is and each group's text (null for a group that took no part).</summary>
public sealed record PosixMatch(int Index, int Length, string?[] Groups);

/// <summary>
/// A POSIX extended regular expression compiled for .NET's non-backtracking engine, with the two
/// operations Nix has: a whole-string <c>match</c> and the successive matches of <c>split</c>.
/// <para>
/// The engine (as of .NET 10) loses the captures of a match that uses an anchor (<c>\A</c>,
/// <c>\z</c>) when the input ends with a newline: <c>\A(ab)\n\z</c> on "ab\n" matches with group 1
/// unset. Such inputs are matched with one extra last character, a sentinel that no other part of
/// the pattern accepts and that <c>$</c> consumes; positions past the real end are cut off.
/// </para>
/// </summary>
public sealed class PosixPattern
{
    /// <summary>A noncharacter: inputs holding it are rare enough to take the plain route.</summary>
    private const char Sentinel = '\uFFFF';

    private readonly string _pattern;
    private readonly bool _wholeString;
    private readonly Regex _regex;
    private readonly bool _anchored;
    private Regex? _withSentinel;

    internal PosixPattern(string pattern, bool wholeString)
    {
        _pattern = pattern;
        _wholeString = wholeString;
        _regex = PosixRegex.Build(pattern, wholeString, sentinel: null, out _anchored);
    }

    /// <summary>The groups of a match of the whole <paramref name="input"/>, or null when it does not match.</summary>
    public string?[]? MatchWhole(string input)
    {
        if (!_wholeString) throw new InvalidOperationException("the pattern was compiled for searching, not for whole-string matching");
        var (regex, text) = Prepare(input);
        var match = regex.Match(text);
        return match.Success ? Groups(match, input.Length) : null;
    }

    public bool IsMatch(string input) => MatchWhole(input) is not null;

    /// <summary>The successive non-overlapping matches in <paramref name="input"/>, leftmost first.</summary>
    public IEnumerable<PosixMatch> Matches(string input)
    {
        var (regex, text) = Prepare(input);
        foreach (Match match in regex.Matches(text))
        {
            // An empty match after the sentinel is a position the real input does not have.
            if (match.Index > input.Length) yield break;
            yield return new PosixMatch(match.Index, Math.Min(match.Length, input.Length - match.Index), Groups(match, input.Length));
        }
    }

    private (Regex Regex, string Text) Prepare(string input)
    {
        var needsSentinel = (_wholeString || _anchored) && input.EndsWith('\n') && !input.Contains(Sentinel);
        if (!needsSentinel) return (_regex, input);
        _withSentinel ??= PosixRegex.Build(_pattern, _wholeString, Sentinel, out _);
        return (_withSentinel, input + Sentinel);
    }

    private static string?[] Groups(Match match, int inputLength)
    {
        var groups = new string?[match.Groups.Count - 1];
        for (var g = 1; g < match.Groups.Count; g++)
        {
            var group = match.Groups[g];
            if (!group.Success) continue;
            var start = Math.Min(group.Index, inputLength);
            var end = Math.Min(group.Index + group.Length, inputLength);
            groups[g - 1] = group.Value[..(end - start)];
        }
        return groups;
    }
}
