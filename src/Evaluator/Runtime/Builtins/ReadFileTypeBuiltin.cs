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
            return StringValue.Of(i.Files.KindOf(path)
                ?? throw EvaluationException.SystemError($"getting status of '{path}': No such file or directory", s));
        });
}
