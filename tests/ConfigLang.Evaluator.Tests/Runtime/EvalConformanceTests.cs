using ConfigLang.TestSupport;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// Every eval case of the Nix language corpus (431, of which Nix 2.8 passes 388). A case listed in
/// Corpus/eval/not-yet-passing.txt must still fail (so the list stays honest: a case that starts
/// passing makes this test fail until it is removed from the list); every other case must pass.
/// </summary>
public sealed class EvalConformanceTests
{
    private static readonly IReadOnlyDictionary<string, string> NotYetPassing = LoadNotYetPassing();

    public static TheoryData<string> OkayCases() => new(EvalCorpusRunner.AllCases("eval-okay-"));

    public static TheoryData<string> FailCases() => new(EvalCorpusRunner.AllCases("eval-fail-"));

    [CorpusTheory(SharedCorpus.NixLang)]
    [MemberData(nameof(OkayCases))]
    public void Eval_okay_case_prints_the_expected_value(string name) => Check(name);

    [CorpusTheory(SharedCorpus.NixLang)]
    [MemberData(nameof(FailCases))]
    public void Eval_fail_case_fails_with_a_located_error(string name) => Check(name);

    private static void Check(string name)
    {
        var outcome = EvalCorpusRunner.Run(name);
        if (NotYetPassing.TryGetValue(name, out var reason))
        {
            Assert.False(outcome.Passed, $"{name} passes now: remove it from not-yet-passing.txt (was: {reason})");
        }
        else
        {
            Assert.True(outcome.Passed, $"{name}: {outcome.Explanation}");
        }
    }

    private static Dictionary<string, string> LoadNotYetPassing()
    {
        var path = Path.Combine(ConfigLang.TestSupport.RepositoryRoot.Path, "tests", "ConfigLang.Evaluator.Tests", "Corpus", "eval", "not-yet-passing.txt");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            var space = trimmed.IndexOf(' ');
            result[space < 0 ? trimmed : trimmed[..space]] = space < 0 ? "" : trimmed[space..].Trim();
        }
        return result;
    }
}
