using System.Text.RegularExpressions;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// A TOML date, time or date-time as Nix's experimental <c>parse-toml-timestamps</c> feature
/// gives it: <c>{ _type = "timestamp"; value = TEXT; }</c>, TEXT normalized as toml11 writes it
/// (separator <c>T</c>, offset <c>Z</c> or <c>±hh:mm</c>, seconds' fraction padded to 3, 6 or 9
/// digits and cut after 9).
/// </summary>
internal sealed partial record TomlTimestamp(string Value)
{
    /// <summary>Null when <paramref name="token"/> is not a TOML date or time.</summary>
    public static TomlTimestamp? TryParse(string token)
    {
        var match = Shape().Match(token);
        if (!match.Success || (!match.Groups["date"].Success && !match.Groups["time"].Success)) return null;
        var text = match.Groups["date"].Value;
        if (match.Groups["time"].Success)
        {
            if (text.Length > 0) text += "T";
            text += match.Groups["time"].Value + Fraction(match.Groups["fraction"].Value);
            if (match.Groups["offset"].Success) text += match.Groups["offset"].Value is "z" or "Z" ? "Z" : match.Groups["offset"].Value;
        }
        else if (match.Groups["offset"].Success)
        {
            return null;
        }
        return new TomlTimestamp(text);
    }

    private static string Fraction(string digits)
    {
        if (digits.Length == 0) return "";
        var width = digits.Length <= 3 ? 3 : digits.Length <= 6 ? 6 : 9;
        return "." + (digits.Length > 9 ? digits[..9] : digits.PadRight(width, '0'));
    }

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})?(?:(?<=\d)[Tt ])?(?:(?<time>\d{2}:\d{2}:\d{2})(?:\.(?<fraction>\d+))?(?<offset>[Zz]|[+-]\d{2}:\d{2})?)?$")]
    private static partial Regex Shape();
}
