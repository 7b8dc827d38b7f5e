using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Printing;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>Which frames eval prints: the formatter chooses them from the whole trace (the other commands' callers choose theirs).</summary>
public sealed class TraceFrameTests
{
    [Fact]
    public void Eval_prints_the_frame_only_Nix_has_and_not_the_one_only_we_have()
    {
        TraceFrame[] trace = [new("nix's own frame", null, NixTraceFrame.OnlyInNix), new("our own frame", null, NixTraceFrame.Absent)];
        var error = Diagnostic.Error(EvaluationDiagnostics.General, "failed", null);

        var eval = ErrorFormatter.Format(error, trace, showTrace: true, nixCompatible: true);

        Assert.Contains("nix's own frame", eval);
        Assert.DoesNotContain("our own frame", eval);
    }
}
