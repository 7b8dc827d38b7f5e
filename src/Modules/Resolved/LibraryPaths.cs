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

    /// <summary>Every library file named in a message (<c>at /tmp/…/acme.nix:43:15</c>) as <see cref="Display"/> names it.</summary>
    public static string InText(string message)
    {
        var root = LibraryFiles.Directory.TrimEnd('/') + "/";
        return System.Text.RegularExpressions.Regex.Replace(message, System.Text.RegularExpressions.Regex.Escape(root) + @"([^\s:'`]+)",
            m => "<configlang/" + m.Groups[1].Value + ">");
    }
}
