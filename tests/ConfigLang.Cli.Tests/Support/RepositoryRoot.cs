namespace ConfigLang.Cli.Tests;

/// <summary>The checkout this test run was built from: the folder holding ConfigLang.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ConfigLang.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("ConfigLang.sln not found above " + AppContext.BaseDirectory);
    }
}
