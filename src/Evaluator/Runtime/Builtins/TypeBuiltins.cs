using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>Type predicates and <c>typeOf</c>.</summary>
internal static class TypeBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Add("isNull", 1, (_, a, _) => BoolValue.Of(a[0].Force() is NullValue), global: true);
        r.Add("isFunction", 1, (_, a, _) => BoolValue.Of(a[0].Force().IsFunction));
        r.Add("isInt", 1, (_, a, _) => BoolValue.Of(a[0].Force() is IntValue));
        r.Add("isFloat", 1, (_, a, _) => BoolValue.Of(a[0].Force() is FloatValue));
        r.Add("isString", 1, (_, a, _) => BoolValue.Of(a[0].Force() is StringValue));
        r.Add("isBool", 1, (_, a, _) => BoolValue.Of(a[0].Force() is BoolValue));
        r.Add("isPath", 1, (_, a, _) => BoolValue.Of(a[0].Force() is PathValue));
        r.Add("isList", 1, (_, a, _) => BoolValue.Of(a[0].Force() is ListValue));
        r.Add("isAttrs", 1, (_, a, _) => BoolValue.Of(a[0].Force() is AttrSetValue));
        r.Add("typeOf", 1, (_, a, _) => StringValue.Of(a[0].Force().TypeOf()));
    }
}
