namespace ConfigLang.Evaluator.Lowering;

/// <summary>Path arithmetic as Nix does it: purely textual, no symlink resolution.</summary>
public static class PathUtilities
{
    /// <summary>Removes <c>.</c>, <c>..</c>, repeated and trailing slashes (Nix's <c>canonPath</c>).</summary>
    public static string Canonicalize(string path)
    {
        if (path.Length == 0) return "/";
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                if (parts.Count > 0) parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return "/" + string.Join('/', parts);
    }

    /// <summary><paramref name="path"/> made absolute against <paramref name="baseDirectory"/>.</summary>
    public static string Combine(string baseDirectory, string path) =>
        path.StartsWith('/') ? path : baseDirectory.TrimEnd('/') + "/" + path;

    /// <summary>Nix's <c>dirOf</c> on a path string.</summary>
    public static string DirOf(string path)
    {
        var slash = path.LastIndexOf('/');
        if (slash < 0) return ".";
        if (slash == 0) return "/";
        return path[..slash];
    }

    /// <summary>Nix's <c>baseNameOf</c>: the last component, ignoring one trailing slash.</summary>
    public static string BaseNameOf(string path)
    {
        if (path.Length == 0) return "";
        var end = path.Length;
        if (path[end - 1] == '/') end--;
        var slash = path.LastIndexOf('/', Math.Max(end - 1, 0));
        return path.Substring(slash + 1, end - slash - 1);
    }

    /// <summary>Whether a file, folder or symlink (even a dangling one) is at <paramref name="path"/>, as lstat sees it.</summary>
    public static bool Exists(string path) =>
        File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null;
}
