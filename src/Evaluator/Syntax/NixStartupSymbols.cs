namespace ConfigLang.Evaluator.Syntax;

/// <summary>
/// The names Nix 2.8 creates as symbols before it reads any file. Its attribute sets are ordered by
/// the symbols' memory addresses, which follow creation order, so these names come before a file's
/// own wherever that order shows (<c>--parse</c> output, which attribute a builtin checks first).
/// </summary>
internal static class NixStartupSymbols
{
    // The names EvalState's constructor creates, in that order (they sort first).
    public static readonly string[] Names =
    [
        "outPath", "drvPath", "type", "meta", "name", "value", "system", "overrides", "outputs", "outputName",
        "ignoreNulls", "file", "line", "column", "functor", "toString", "right", "wrong", "structuredAttrs",
        "allowedReferences", "allowedRequisites", "disallowedReferences", "disallowedRequisites", "maxSize",
        "maxClosureSize", "builder", "args", "contentAddressed", "impure", "outputHash", "outputHashAlgo",
        "outputHashMode", "recurseForDerivations", "description", "self", "epsilon", "startSet", "operator",
        "key", "path", "prefix", "outputSpecified",
        // The names of the builtins set (its attribute names are created at start-up too).
        "abort", "add", "addErrorContext", "all", "any", "appendContext", "attrNames", "attrValues", "baseNameOf",
        "bitAnd", "bitOr", "bitXor", "builtins", "catAttrs", "ceil", "compareVersions", "concatLists", "concatMap",
        "concatStringsSep", "currentSystem", "currentTime", "deepSeq", "derivation", "derivationStrict", "dirOf",
        "div", "elem", "elemAt", "false", "fetchGit", "fetchMercurial", "fetchTarball", "fetchTree", "fetchurl",
        "filter", "filterSource", "findFile", "floor", "foldl'", "fromJSON", "fromTOML", "functionArgs", "genList",
        "genericClosure", "getAttr", "getContext", "getEnv", "groupBy", "hasAttr", "hasContext", "hashFile",
        "hashString", "head", "import", "intersectAttrs", "isAttrs", "isBool", "isFloat", "isFunction", "isInt",
        "isList", "isNull", "isPath", "isString", "langVersion", "length", "lessThan", "listToAttrs", "map",
        "mapAttrs", "match", "mul", "nixPath", "nixVersion", "null", "parseDrvName", "partition", "pathExists",
        "placeholder", "readDir", "readFile", "removeAttrs", "replaceStrings", "scopedImport", "seq", "sort",
        "split", "splitVersion", "storeDir", "storePath", "stringLength", "sub", "substring", "tail", "throw",
        "toFile", "toJSON", "toPath", "trace", "true", "tryEval", "typeOf", "unsafeDiscardOutputDependency",
        "unsafeDiscardStringContext", "unsafeGetAttrPos", "zipAttrsWith",
    ];

    // Names Nix 2.8 creates at start-up at addresses above those of a file's own names.
    public static readonly string[] LateNames = ["x"];

    private static readonly Dictionary<string, int> RankByName = BuildRanks();

    /// <summary>Where <paramref name="name"/> comes among the start-up names (0 first), or null for a
    /// name Nix creates when it reads it (the late names too: they sort after a file's own).</summary>
    public static int? Rank(string name) => RankByName.TryGetValue(name, out var rank) ? rank : null;

    private static Dictionary<string, int> BuildRanks()
    {
        var ranks = new Dictionary<string, int>(Names.Length, StringComparer.Ordinal);
        foreach (var name in Names) ranks.TryAdd(name, ranks.Count);
        return ranks;
    }
}
