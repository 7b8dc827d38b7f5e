using ConfigLang.TestSupport;

namespace ConfigLang.Cli.Tests.Rendering;

/// <summary>
/// Compares an output with its expectation under <c>Rendering/Golden/</c>, or, with
/// <c>CONFIGLANG_UPDATE_GOLDEN=1</c>, rewrites the expectation in the source tree.
/// </summary>
public static class GoldenFile
{
    public static string PathOf(string name) =>
        Path.Combine(RepositoryRoot.Path, "tests", "ConfigLang.Cli.Tests", "Rendering", "Golden", name);

    public static void AssertMatches(string name, string actual)
    {
        var path = PathOf(name);
        if (Environment.GetEnvironmentVariable("CONFIGLANG_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"{path} is missing; run with CONFIGLANG_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
