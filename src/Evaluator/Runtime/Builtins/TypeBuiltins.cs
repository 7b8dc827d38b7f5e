using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>Type predicates and <c>typeOf</c>.</summary>
internal static class TypeBuiltins
{
    /// <summary>The <c>is…</c> builtins as tests of a forced value, so <c>all isAttrs values</c> can test
    /// each element without calling the builtin (see ListBuiltins.HasElement).</summary>
    private static readonly (string Name, Func<Value, bool> Test)[] Predicates =
    [
        ("isNull", static v => v is NullValue),
        ("isFunction", static v => v.IsFunction),
        ("isInt", static v => v is IntValue),
        ("isFloat", static v => v is FloatValue),
        ("isString", static v => v is StringValue),
        ("isBool", static v => v is BoolValue),
        ("isPath", static v => v is PathValue),
        ("isList", static v => v is ListValue),
        ("isAttrs", static v => v is AttrSetValue),
    ];

    public static void Register(BuiltinRegistry r)
    {
        foreach (var (name, test) in Predicates)
        {
            r.Add(name, (_, v, _) => BoolValue.Of(test(v.Force())), global: name == "isNull");
        }
        r.Add("typeOf", (_, v, _) => StringValue.Of(v.Force().TypeOf()));
    }

    /// <summary>The test of the type predicate builtin <paramref name="primOp"/>, or null for any other builtin.</summary>
    public static Func<Value, bool>? PredicateOf(PrimOpValue primOp)
    {
        if (primOp.Arity != 1) return null;
        foreach (var (name, test) in Predicates)
        {
            if (name == primOp.Name) return test;
        }
        return null;
    }
}
