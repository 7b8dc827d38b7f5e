namespace ConfigLang.Evaluator.Runtime;

/// <summary>
/// How files of the host's own library (<see cref="EvaluatorOptions.LibrarySearchPath"/>) are
/// named to people: by the search path that reaches them, <c>&lt;configlang/lib/default.nix&gt;</c>,
/// not by the folder they happen to be unpacked to on this machine. Only names shown in messages,
/// locations and traces change; the values the language sees (paths, <c>unsafeGetAttrPos</c>,
/// <c>__curPos</c>) keep the real file, as Nix gives it.
/// </summary>
public static class LibraryFileNames
{
    /// <summary>The name of <paramref name="path"/>: <c>&lt;PREFIX/rest&gt;</c> for a file under the first
    /// <c>PREFIX=DIR</c> entry whose DIR holds it; otherwise the path itself.</summary>
    public static string Of(string path, IEnumerable<string> librarySearchPath)
    {
        foreach (var (prefix, directory) in librarySearchPath.Select(SearchPathEntries.Split))
        {
            var root = directory.TrimEnd('/') + "/";
            if (prefix.Length > 0 && path.StartsWith(root, StringComparison.Ordinal)) return $"<{prefix}/{path[root.Length..]}>";
        }
        return path;
    }
}
