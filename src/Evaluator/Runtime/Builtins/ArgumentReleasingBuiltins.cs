namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// The builtins whose implementation keeps no reference to its argument array once it returns: no
/// thunk, closure or value made by the call holds the array itself (they may hold its elements). A
/// call of one of them can lend the array from <see cref="BuiltinArgumentArrays"/> and take it back
/// afterwards: recursiveUpdate-style merges allocated a fifth of their memory as these arrays. Only
/// names whose implementation was read for it belong here; a builtin that captures <c>args</c> in a
/// lambda that outlives the call must not. One-argument builtins registered without an array
/// (<c>head</c>, <c>tail</c>, <c>length</c>, the <c>is…</c> tests, <c>typeOf</c>: see
/// <see cref="Values.PrimOpValue.Unary"/>) are never handed one, so they are not listed.
/// </summary>
internal static class ArgumentReleasingBuiltins
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        // ListBuiltins
        "map", "filter", "foldl'", "elem", "elemAt", "concatLists", "genList",
        // all/any: every module merge asks `all isAttrs values` (a third of deep-merge's argument arrays)
        "all", "any",
        // AttrSetBuiltins
        "attrNames", "attrValues", "getAttr", "hasAttr", "zipAttrsWith",
        // ControlBuiltins
        "seq", "deepSeq",
        // StringBuiltins
        "toString",
    };

    public static bool ReleasesItsArguments(string name) => Names.Contains(name);
}
