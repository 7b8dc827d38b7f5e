namespace ConfigLang.Cli.Rendering.DiagnosticFormats;

/// <summary>
/// How source paths are shown in diagnostics: relative to the working directory when the file
/// lies under it (what a user would type, and what CI annotations and SARIF viewers resolve
/// against the checkout), else absolute. Always with <c>/</c> separators, so output is the
/// same on every platform. Pseudo-names such as <c>«string»</c> and library files named by their
/// search path (<c>&lt;configlang/lib/default.nix&gt;</c>) stay as they are.
/// </summary>
public sealed class DisplayPaths
{
    public DisplayPaths(string workingDirectory)
    {
        WorkingDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workingDirectory));
    }

    /// <summary>The absolute directory paths are made relative to.</summary>
    public string WorkingDirectory { get; }

    /// <summary>The path as shown to people and written into JSON and workflow commands.</summary>
    public string Display(string sourcePath)
    {
        if (sourcePath.StartsWith('«') || IsLibraryName(sourcePath)) return sourcePath;
        var full = Path.GetFullPath(sourcePath, WorkingDirectory);
        var relative = Path.GetRelativePath(WorkingDirectory, full);
        var outside = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) ||
                      Path.IsPathRooted(relative);
        return WithForwardSlashes(outside ? full : relative);
    }

    /// <summary>Whether <see cref="Display"/> gives a path relative to <see cref="WorkingDirectory"/>.</summary>
    public static bool IsRelative(string displayedPath) => !displayedPath.StartsWith('/') && !Path.IsPathRooted(displayedPath) && !IsLibraryName(displayedPath);

    /// <summary>A file of ConfigLang's own library, named by its search path (<c>&lt;configlang/…&gt;</c>): not a path of this machine.</summary>
    public static bool IsLibraryName(string name) => name.StartsWith('<') && name.EndsWith('>');

    /// <summary>A URI reference for a displayed path: relative paths percent-encoded segment by
    /// segment (to be resolved against <see cref="WorkingDirectoryUri"/>), absolute ones as <c>file://</c> URIs,
    /// a library file's name as a name (a relative reference, resolved against nothing).</summary>
    public static string ToUri(string displayedPath) =>
        IsRelative(displayedPath) || IsLibraryName(displayedPath) ? EscapeSegments(displayedPath) : "file://" + EscapeSegments(RootedWithSlash(displayedPath));

    /// <summary>The working directory as an absolute <c>file://</c> URI ending in <c>/</c>.</summary>
    public string WorkingDirectoryUri => "file://" + EscapeSegments(RootedWithSlash(WithForwardSlashes(WorkingDirectory))).TrimEnd('/') + "/";

    private static string RootedWithSlash(string path) => path.StartsWith('/') ? path : "/" + path;

    private static string EscapeSegments(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static string WithForwardSlashes(string path) =>
        Path.DirectorySeparatorChar == '/' ? path : path.Replace(Path.DirectorySeparatorChar, '/');
}
