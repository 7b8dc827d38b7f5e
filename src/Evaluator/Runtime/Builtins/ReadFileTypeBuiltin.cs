using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// <c>builtins.readFileType</c>: "regular", "directory", "symlink" or "unknown", as <c>readDir</c>
/// names entries. The path itself is not followed when it is a symlink (lstat).
/// </summary>
internal static class ReadFileTypeBuiltin
{
    public static void Register(BuiltinRegistry r) =>
        r.Add("readFileType", 1, (i, a, s) =>
        {
            var path = i.CoerceToOpenablePath(a[0], s, "getting status of");
            FileSystemInfo entry = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            if (!entry.Exists && entry.LinkTarget is null)
            {
                throw EvaluationException.Create(EvaluationDiagnostics.FileSystem, $"getting status of '{path}': No such file or directory", s);
            }
            return StringValue.Of(Kind(entry));
        });

    /// <summary>The kind of a directory entry, without following a symlink.</summary>
    public static string Kind(FileSystemInfo entry) =>
        entry.LinkTarget is not null ? "symlink"
        : entry is DirectoryInfo ? "directory"
        : (entry.Attributes & FileAttributes.Device) != 0 ? "unknown" : "regular";
}
