using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Modules.Lib;

/// <summary>
/// Nix's <c>==</c>: deep structural equality that forces both sides; integers and floats compare
/// by number, functions are never equal, sets with <c>outPath</c> (derivations) by that path.
/// </summary>
public static class ValueEquality
{
    private static readonly Symbol OutPath = Symbol.Intern("outPath");

    public static bool Equal(Value left, Value right)
    {
        var a = left.Force();
        var b = right.Force();
        if (ReferenceEquals(a, b) && !a.IsFunction) return true;
        switch (a)
        {
            case NullValue: return b is NullValue;
            case BoolValue xb: return b is BoolValue yb && xb.Value == yb.Value;
            case IntValue xi:
                return b switch { IntValue yi => xi.Value == yi.Value, FloatValue yf => xi.Value == yf.Value, _ => false };
            case FloatValue xf:
                return b switch { IntValue yi => xf.Value == yi.Value, FloatValue yf => xf.Value == yf.Value, _ => false };
            case StringValue xs: return b is StringValue ys && xs.Text == ys.Text;
            case PathValue xp: return b is PathValue yp && xp.Path == yp.Path;
            case ListValue x:
                if (b is not ListValue ly || x.Count != ly.Count) return false;
                for (var i = 0; i < x.Count; i++)
                {
                    if (!Equal(x.Items[i], ly.Items[i])) return false;
                }
                return true;
            case AttrSetValue x:
                if (b is not AttrSetValue ay) return false;
                if (x.Get(OutPath) is { } p1 && ay.Get(OutPath) is { } p2) return Equal(p1, p2);
                if (x.Count != ay.Count) return false;
                for (var i = 0; i < x.Count; i++)
                {
                    if (!ReferenceEquals(x.Names[i], ay.Names[i])) return false;
                }
                for (var i = 0; i < x.Count; i++)
                {
                    if (!Equal(x.Values[i], ay.Values[i])) return false;
                }
                return true;
            default:
                return false;
        }
    }
}
