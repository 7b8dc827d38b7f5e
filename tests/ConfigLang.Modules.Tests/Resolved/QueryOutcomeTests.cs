using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Modules.Resolved;

namespace ConfigLang.Modules.Tests.Resolved;

/// <summary>What show and options print of an evaluation error: the frames QueryOutcome chooses, which ErrorFormatter prints as given.</summary>
public sealed class QueryOutcomeTests
{
    [Fact]
    public void Show_trace_prints_the_frame_only_we_have_and_not_the_one_only_Nix_has()
    {
        var failure = new EvaluationException(Diagnostic.Error(EvaluationDiagnostics.General, "failed", null))
            .AddFrameOnlyNixHas("nix's own frame", null)
            .AddFrameAbsentFromNix("our own frame", null);

        var printed = new QueryOutcome(null, failure, "").Messages(showTrace: true);

        Assert.Contains("our own frame", printed);
        Assert.DoesNotContain("nix's own frame", printed);
    }
}
