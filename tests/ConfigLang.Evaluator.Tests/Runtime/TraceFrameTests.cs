using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Printing;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>Which frames the commands other than eval print: one predicate, read by eval's formatter, show and lint alike.</summary>
public sealed class TraceFrameTests
{
    [Theory]
    [InlineData(NixTraceFrame.Collected, true)]
    [InlineData(NixTraceFrame.WithShowTrace, true)]
    [InlineData(NixTraceFrame.Absent, true)]
    [InlineData(NixTraceFrame.OnlyInNix, false)]
    public void Only_a_frame_Nix_alone_has_is_left_out_outside_eval(NixTraceFrame nix, bool shown)
    {
        Assert.Equal(shown, new TraceFrame("while evaluating 'x'", null, nix).IsShownOutsideEval);
    }

    [Fact]
    public void Eval_prints_the_frame_only_Nix_has_and_the_other_commands_the_one_only_we_have()
    {
        TraceFrame[] trace = [new("nix's own frame", null, NixTraceFrame.OnlyInNix), new("our own frame", null, NixTraceFrame.Absent)];
        var error = Diagnostic.Error(EvaluationDiagnostics.General, "failed", null);

        var eval = ErrorFormatter.Format(error, trace, showTrace: true, nixCompatible: true);
        var lint = ErrorFormatter.Format(error, trace, showTrace: true);

        Assert.Contains("nix's own frame", eval);
        Assert.DoesNotContain("our own frame", eval);
        Assert.Contains("our own frame", lint);
        Assert.DoesNotContain("nix's own frame", lint);
    }
}
