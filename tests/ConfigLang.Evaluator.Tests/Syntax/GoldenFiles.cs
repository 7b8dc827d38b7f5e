using ConfigLang.TestSupport;

namespace ConfigLang.Evaluator.Tests.Syntax;

/// <summary>
/// The golden-file harness: compares an actual text with the file beside the input, or, with
/// <c>CONFIGLANG_UPDATE_GOLDEN=1</c>, rewrites that file (in the source tree, not the build output).
/// </summary>
public static class GoldenFiles
{
    public static string CorpusDirectory(params string[] parts) =>
        Path.Combine([RepositoryRoot.Path, "tests", "ConfigLang.Evaluator.Tests", "Corpus", .. parts]);

    public static bool Updating => Environment.GetEnvironmentVariable("CONFIGLANG_UPDATE_GOLDEN") == "1";

    public static void AssertMatches(string expectedPath, string actual)
    {
        if (Updating)
        {
            File.WriteAllText(expectedPath, actual);
            return;
        }
        Assert.True(File.Exists(expectedPath), $"{expectedPath} is missing; run with CONFIGLANG_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(expectedPath), actual);
    }
}
