using ConfigLang.Evaluator.Syntax.Nodes;

namespace ConfigLang.Evaluator.Syntax;

/// <summary>
/// The names Nix 2.8 creates as symbols before it reads any file. Its attribute sets are ordered by
/// the symbols' memory addresses, which follow creation order, so these names come before a file's
/// own wherever that order shows (<c>--parse</c> output, which attribute a builtin checks first).
/// <see cref="Rank"/> is that order for any name, used wherever it shows.
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

    // Rank of a late name: after every name a file creates, before a name none creates.
    private const long LateRank = long.MaxValue - 1;

    private static readonly Dictionary<string, long> StartupRanks = BuildRanks();

    /// <summary>The names parsing <paramref name="root"/> creates as symbols, each with its place among them (0 first).</summary>
    public static Dictionary<string, int> NamesCreatedBy(Expr root)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        new NixParseFactsCollector(names).Visit(root);
        return names;
    }

    /// <summary>
    /// Where <paramref name="name"/> comes in Nix 2.8's symbol order (smaller first), once Nix has read the
    /// sources whose <see cref="NamesCreatedBy"/> are <paramref name="createdBySources"/>, in the order it read
    /// them: the start-up names, then each source's names in its order (a name belongs to the first source
    /// that created it), then the late start-up names; last a name none of them created (made while evaluating).
    /// </summary>
    public static long Rank(string name, IReadOnlyList<IReadOnlyDictionary<string, int>> createdBySources)
    {
        if (StartupRanks.TryGetValue(name, out var startup)) return startup;
        long before = StartupRanks.Count;
        foreach (var created in createdBySources)
        {
            if (created.TryGetValue(name, out var place)) return before + place;
            before += created.Count;
        }
        return long.MaxValue;
    }

    private static Dictionary<string, long> BuildRanks()
    {
        var ranks = new Dictionary<string, long>(Names.Length + LateNames.Length, StringComparer.Ordinal);
        foreach (var name in Names) ranks.TryAdd(name, ranks.Count);
        foreach (var name in LateNames) ranks.TryAdd(name, LateRank);
        return ranks;
    }
}
