namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// Corpus/eval/error-message-differences.txt: the eval-fail cases whose first <c>error:</c> line
/// differs from Nix's (paths and positions aside), each under a category the file explains. One
/// list for both ways of running the corpus (in-process and through the CLI binary).
/// </summary>
public static class ErrorMessageDifferences
{
    private static readonly string CorpusFolder = Path.Combine(ConfigLang.TestSupport.RepositoryRoot.Path, "tests", "ConfigLang.Evaluator.Tests", "Corpus", "eval");

    public static IReadOnlyDictionary<string, string> Listed { get; } = ReadList("error-message-differences.txt");

    /// <summary>Cases of not-yet-passing.txt, whose message is not compared.</summary>
    public static IReadOnlyDictionary<string, string> NotYetPassing { get; } = ReadList("not-yet-passing.txt");

    /// <summary>The categories, from the file's <c># CATEGORY: reason</c> lines.</summary>
    public static IReadOnlyDictionary<string, string> Categories { get; } =
        File.ReadLines(Path.Combine(CorpusFolder, "error-message-differences.txt"))
            .Where(line => line.StartsWith("# ", StringComparison.Ordinal) && line.IndexOf(':') is > 2 and var colon && !line[2..colon].Contains(' '))
            .ToDictionary(line => line[2..line.IndexOf(':')], line => line[(line.IndexOf(':') + 1)..].Trim(), StringComparer.Ordinal);

    /// <summary>
    /// Null when <paramref name="actual"/> is as the list says (Nix's message, or a listed case
    /// whose message still differs), else why not. Checked both ways, so the list stays honest.
    /// </summary>
    public static string? Mismatch(string name, string expected, string actual)
    {
        if (Listed.TryGetValue(name, out var category))
        {
            if (expected == actual) return $"{name} reports Nix's message now: remove it from error-message-differences.txt (was: {category})";
            return Categories.ContainsKey(category) ? null : $"{name}: category '{category}' has no reason in error-message-differences.txt";
        }
        return expected == actual ? null : $"{name}:\nNix:        {expected}\nConfigLang: {actual}";
    }

    private static Dictionary<string, string> ReadList(string file)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(CorpusFolder, file)))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            var space = trimmed.IndexOf(' ');
            result[space < 0 ? trimmed : trimmed[..space]] = space < 0 ? "" : trimmed[space..].Trim();
        }
        return result;
    }
}
