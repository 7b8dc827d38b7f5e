namespace ConfigLang.Evaluator.Syntax;

/// <summary>
/// The names Nix's base environment binds without the <c>builtins.</c> prefix, so that the
/// parse-time check does not call them undefined. Every <c>__name</c> is also accepted here: Nix
/// exposes each builtin not in this list that way, and the exact set depends on the evaluator, so
/// lowering checks it against the interpreter's global scope.
/// </summary>
public static class GlobalNames
{
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "builtins", "true", "false", "null",
        "abort", "baseNameOf", "derivation", "derivationStrict", "dirOf", "fetchGit", "fetchMercurial",
        "fetchTarball", "fetchTree", "fromTOML", "import", "isNull", "map", "placeholder", "removeAttrs",
        "scopedImport", "throw", "toString",
    };

    public static bool IsGlobal(string name) => All.Contains(name) || name.StartsWith("__", StringComparison.Ordinal);
}
