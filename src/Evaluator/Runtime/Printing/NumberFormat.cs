using System.Globalization;

namespace ConfigLang.Evaluator.Runtime.Printing;

/// <summary>Floats as C++ streams print them by default (<c>%g</c>, 6 significant digits), which is how Nix prints them.</summary>
public static class NumberFormat
{
    public static string FormatFloat(double value)
    {
        if (double.IsNaN(value)) return value < 0 ? "-nan" : "nan";
        if (double.IsInfinity(value)) return value < 0 ? "-inf" : "inf";
        if (value == 0) return double.IsNegative(value) ? "-0" : "0";
        const int precision = 6;
        var scientific = value.ToString("E" + (precision - 1), CultureInfo.InvariantCulture);
        var ePos = scientific.IndexOf('E');
        var exponent = int.Parse(scientific[(ePos + 1)..], CultureInfo.InvariantCulture);
        if (exponent < -4 || exponent >= precision)
        {
            var mantissa = TrimZeros(scientific[..ePos]);
            var sign = exponent < 0 ? "-" : "+";
            var digits = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture).PadLeft(2, '0');
            return $"{mantissa}e{sign}{digits}";
        }
        var decimals = Math.Max(precision - 1 - exponent, 0);
        return TrimZeros(value.ToString("F" + decimals, CultureInfo.InvariantCulture));
    }

    private static string TrimZeros(string text)
    {
        if (!text.Contains('.')) return text;
        text = text.TrimEnd('0');
        return text.EndsWith('.') ? text[..^1] : text;
    }
}
