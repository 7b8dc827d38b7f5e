using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>Arithmetic, comparison, bit operations, <c>ceil</c>/<c>floor</c>.</summary>
internal static class ArithmeticBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Add("add", 2, (i, a, s) =>
        {
            // Unlike the operator, the builtin never concatenates: without a float both are integers.
            var x = a[0].Force();
            var y = a[1].Force();
            if (x is not FloatValue && y is not FloatValue)
            {
                i.ForceInt(x, s);
                i.ForceInt(y, s);
            }
            return i.Arithmetic('+', x, y, s);
        });
        r.Add("sub", 2, (i, a, s) => i.Arithmetic('-', a[0], a[1], s));
        r.Add("mul", 2, (i, a, s) => i.Arithmetic('*', a[0], a[1], s));
        r.Add("div", 2, (i, a, s) => i.Arithmetic('/', a[0], a[1], s));
        r.Add("lessThan", 2, (i, a, s) => BoolValue.Of(i.LessThan(a[0], a[1], s)));
        r.Add("bitAnd", 2, (i, a, s) => IntValue.Of(i.ForceInt(a[0], s) & i.ForceInt(a[1], s)));
        r.Add("bitOr", 2, (i, a, s) => IntValue.Of(i.ForceInt(a[0], s) | i.ForceInt(a[1], s)));
        r.Add("bitXor", 2, (i, a, s) => IntValue.Of(i.ForceInt(a[0], s) ^ i.ForceInt(a[1], s)));
        r.Add("ceil", 1, (i, a, s) => IntValue.Of((long)Math.Ceiling(i.ForceFloat(a[0], s))));
        r.Add("floor", 1, (i, a, s) => IntValue.Of((long)Math.Floor(i.ForceFloat(a[0], s))));
    }
}
