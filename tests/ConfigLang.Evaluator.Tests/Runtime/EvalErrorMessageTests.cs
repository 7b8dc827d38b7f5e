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
    public static TheoryData<string> FailCases() => new(EvalCorpusRunner.AllCases("eval-fail-"));

    [CorpusTheory(SharedCorpus.NixLang)]
    [MemberData(nameof(FailCases))]
    public void Eval_fail_case_reports_the_message_Nix_reports_or_a_listed_difference(string name)
    {
        if (ErrorMessageDifferences.NotYetPassing.ContainsKey(name)) return;
        var (expected, actual) = EvalCorpusRunner.ErrorMessages(name);
        var mismatch = ErrorMessageDifferences.Mismatch(name, expected, actual);
        Assert.True(mismatch is null, mismatch);
    }
}
