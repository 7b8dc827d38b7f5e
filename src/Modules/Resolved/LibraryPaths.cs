using ConfigLang.Modules.Lib;

namespace ConfigLang.Modules.Resolved;

/// <summary>Names the built-in library's files inside message text as <c>&lt;configlang/…&gt;</c>, for messages made before their source was named: the folder it is unpacked to is an accident of the machine.</summary>
public static class LibraryPaths
{
    /// <summary>Every library file named in a message (<c>at /tmp/…/acme.nix:43:15</c>) as <see cref="LibraryFiles.DisplayName"/> names it.</summary>
    public static string InText(string message)
    {
        var root = LibraryFiles.Directory.TrimEnd('/') + "/";
        return System.Text.RegularExpressions.Regex.Replace(message, System.Text.RegularExpressions.Regex.Escape(root) + @"([^\s:'`]+)",
            m => "<configlang/" + m.Groups[1].Value + ">");
    }
}
