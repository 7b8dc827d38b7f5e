namespace ConfigLang.TestSupport;

/// <summary>
/// Where a test run finds the checkout it was built from (the folder holding ConfigLang.sln)
/// and the read-only <c>shared/</c> folder beside it (conformance corpora, the ACME testbed).
/// Compiled into every test project (tests/Directory.Build.props).
/// </summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary><c>$CONFIGLANG_SHARED</c> when set, else <c>../shared</c> next to the checkout.</summary>
    public static string Shared { get; } =
        Environment.GetEnvironmentVariable("CONFIGLANG_SHARED") is { Length: > 0 } fromEnvironment
            ? System.IO.Path.GetFullPath(fromEnvironment)
            : System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, "..", "shared"));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ConfigLang.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("ConfigLang.sln not found above " + AppContext.BaseDirectory);
    }
}
