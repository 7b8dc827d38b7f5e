using System.Globalization;
using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// <c>toString</c> of an integer. Small ones (ports' last digits, weights, indexes) recur across a
/// rendered file, so their string values are made once and shared; they are immutable, and the
/// symbol a shared one may remember is global too.
/// </summary>
internal static class SmallIntegerTexts
{
    private static readonly StringValue?[] Cache = new StringValue?[1024];

    public static StringValue Of(long value) =>
        (ulong)value < (ulong)Cache.Length
            ? Cache[value] ??= StringValue.Of(value.ToString(CultureInfo.InvariantCulture))
            : StringValue.Of(value.ToString(CultureInfo.InvariantCulture));
}
