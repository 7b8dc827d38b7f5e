namespace ConfigLang.Fuzz;

/// <summary>Where the built CLI is: a project that references src/Cli gets its apphost <c>configlang</c> copied next to it.</summary>
public static class CliBinary
{
    public static string NextTo(string directory)
    {
        var path = Path.Combine(directory, OperatingSystem.IsWindows() ? "configlang.exe" : "configlang");
        return File.Exists(path) ? path : throw new FileNotFoundException($"the CLI binary is not in {directory}; build src/Cli first", path);
    }
}
