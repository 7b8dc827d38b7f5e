using System.Text.RegularExpressions;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary><c>match</c> (whole-string) and <c>split</c> with POSIX extended regular expressions.</summary>
internal static class RegexBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Add("match", 2, (i, a, s) =>
        {
            var regex = Compile(i.ForceStringNoContext(a[0], s), true, s);
            var input = i.CoerceToStringValue(a[1], s).Text;
            var match = regex.Match(input);
            if (!match.Success) return NullValue.Instance;
            return ListValue.Of(Groups(match));
        });
        r.Add("split", 2, (i, a, s) =>
        {
            var regex = Compile(i.ForceStringNoContext(a[0], s), false, s);
            var input = i.CoerceToStringValue(a[1], s).Text;
            var result = new List<Value>();
            var position = 0;
            foreach (Match match in regex.Matches(input))
            {
                result.Add(StringValue.Of(input[position..match.Index]));
                result.Add(ListValue.Of(Groups(match)));
                position = match.Index + match.Length;
            }
            result.Add(StringValue.Of(input[position..]));
            return ListValue.Of(result.ToArray());
        });
    }

    private static Value[] Groups(Match match)
    {
        var groups = new Value[match.Groups.Count - 1];
        for (var g = 1; g < match.Groups.Count; g++)
        {
            groups[g - 1] = match.Groups[g].Success ? StringValue.Of(match.Groups[g].Value) : NullValue.Instance;
        }
        return groups;
    }

    private static Regex Compile(string pattern, bool wholeString, SourceLocation? site)
    {
        try
        {
            return PosixRegex.Compile(pattern, wholeString);
        }
        catch (ArgumentException e)
        {
            throw EvaluationException.Create(EvaluationDiagnostics.InvalidRegex, $"invalid regular expression '{pattern}': {e.Message}", site);
        }
    }
}
