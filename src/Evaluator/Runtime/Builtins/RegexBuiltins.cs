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
            var source = i.ForceStringNoContext(a[0], s);
            var pattern = Compile(source, s);
            var input = i.ForceString(a[1], s).Text;
            string?[]? groups;
            try
            {
                groups = pattern.MatchWhole(input);
            }
            catch (InvalidPosixPatternException e)
            {
                // The captures' memory limit, on this input (libstdc++ too can run out of memory while matching).
                throw Refused(e, source, s);
            }
            return groups is null ? NullValue.Instance : ListValue.Of(Values(groups));
        });
        r.Add("split", 2, (i, a, s) =>
        {
            var source = i.ForceStringNoContext(a[0], s);
            var pattern = Compile(source, s);
            var input = i.ForceString(a[1], s).Text;
            var result = new List<Value>();
            var position = 0;
            try
            {
                foreach (var match in pattern.Matches(input))
                {
                    result.Add(StringValue.Of(input[position..match.Index]));
                    result.Add(ListValue.Of(Values(match.Groups)));
                    position = match.Index + match.Length;
                }
            }
            catch (InvalidPosixPatternException e)
            {
                throw Refused(e, source, s);
            }
            result.Add(StringValue.Of(input[position..]));
            return ListValue.Of(result.ToArray());
        });
    }

    private static Value[] Values(string?[] groups) =>
        Array.ConvertAll(groups, group => group is null ? NullValue.Instance : (Value)StringValue.Of(group));

    private static PosixPattern Compile(string pattern, SourceLocation? site)
    {
        try
        {
            return PosixRegex.Compile(pattern);
        }
        catch (InvalidPosixPatternException e)
        {
            throw Refused(e, pattern, site);
        }
        catch (ArgumentException e)
        {
            throw EvaluationException.Create(EvaluationDiagnostics.InvalidRegex, $"invalid regular expression '{Shortened(ByteText.ToUnicode(pattern))}': {e.Message}", site);
        }
    }

    private static EvaluationException Refused(InvalidPosixPatternException e, string pattern, SourceLocation? site)
    {
        // As Nix 2.8: the pattern and no detail (libstdc++'s error_space becomes the memory message).
        var reason = e.ExceedsMemoryLimit ? "memory limit exceeded by regular expression" : "invalid regular expression";
        return EvaluationException.Create(EvaluationDiagnostics.InvalidRegex, $"{reason} '{Shortened(ByteText.ToUnicode(pattern))}'", site);
    }

    /// <summary>Patterns can be 64 KiB long; the message shows their start.</summary>
    private static string Shortened(string pattern) => pattern.Length <= 200 ? pattern : pattern[..200] + "…";
}
