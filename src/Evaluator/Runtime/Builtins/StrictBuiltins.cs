namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// The one-argument builtins whose first act is to force their argument. A call of one of them
/// can evaluate the argument at once instead of wrapping it in a thunk that is forced the moment
/// it is made: <c>"${toString i}"</c>, <c>length xs</c>, <c>isAttrs v</c> in loops over a million
/// elements allocated that many thunks for nothing. Only names whose implementation forces the
/// argument before anything else belong here; errors keep the builtin's frame (see
/// <see cref="Interpreter.BuiltinFailure"/>).
/// </summary>
internal static class StrictBuiltins
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "toString", "stringLength", "length", "head", "tail", "attrNames", "attrValues", "typeOf",
        "isNull", "isFunction", "isInt", "isFloat", "isString", "isBool", "isPath", "isList", "isAttrs",
    };

    public static bool ForcesItsArgumentFirst(string name, int arity) => arity == 1 && Names.Contains(name);
}
