using ConfigLang.TestSupport;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// The eval-fail cases report Nix's error message (modulo paths and positions), or the case is
/// listed in Corpus/eval/error-message-differences.txt under a category whose reason the file
/// gives. Checked both ways: a listed case whose message starts matching fails until removed.
/// Cases of not-yet-passing.txt are left to EvalConformanceTests.
/// </summary>
public sealed class EvalErrorMessageTests
{
    private static readonly string CorpusFolder = Path.Combine(RepositoryRoot.Path, "tests", "ConfigLang.Evaluator.Tests", "Corpus", "eval");

    private static readonly IReadOnlyDictionary<string, string> Differences = ReadList("error-message-differences.txt");

    private static readonly IReadOnlyDictionary<string, string> NotYetPassing = ReadList("not-yet-passing.txt");

    public static TheoryData<string> FailCases() => new(EvalCorpusRunner.AllCases("eval-fail-"));

    [CorpusTheory(SharedCorpus.NixLang)]
    [MemberData(nameof(FailCases))]
    public void Eval_fail_case_reports_the_message_Nix_reports_or_a_listed_difference(string name)
    {
        if (NotYetPassing.ContainsKey(name)) return;
        var (expected, actual) = EvalCorpusRunner.ErrorMessages(name);
        if (Differences.TryGetValue(name, out var category))
        {
            Assert.True(expected != actual, $"{name} reports Nix's message now: remove it from error-message-differences.txt (was: {category})");
            Assert.True(Categories.ContainsKey(category), $"{name}: category '{category}' has no reason in error-message-differences.txt");
        }
        else
        {
            Assert.True(expected == actual, $"{name}:\nNix:        {expected}\nConfigLang: {actual}");
        }
    }

    /// <summary>The categories, from the file's <c># CATEGORY: reason</c> lines.</summary>
    private static readonly IReadOnlyDictionary<string, string> Categories =
        File.ReadLines(Path.Combine(CorpusFolder, "error-message-differences.txt"))
            .Where(line => line.StartsWith("# ", StringComparison.Ordinal) && line.IndexOf(':') is > 2 and var colon && !line[2..colon].Contains(' '))
            .ToDictionary(line => line[2..line.IndexOf(':')], line => line[(line.IndexOf(':') + 1)..].Trim(), StringComparer.Ordinal);

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
