using ConfigLang.Modules.Lib;

namespace ConfigLang.Modules.Resolved;

/// <summary>Names files of the built-in library as <c>&lt;configlang/…&gt;</c>, as <c>show --explain</c> does: the folder it is unpacked to is an accident of the machine.</summary>
public static class LibraryPaths
{
    public static string Display(string path)
    {
        var root = LibraryFiles.Directory.TrimEnd('/') + "/";
        return path.StartsWith(root, StringComparison.Ordinal) ? "<configlang/" + path[root.Length..] + ">" : path;
    }
}
