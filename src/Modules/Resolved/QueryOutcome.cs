using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Printing;

namespace ConfigLang.Modules.Resolved;

/// <summary>
/// What a query of the module layer answered: the value it printed (Nix or JSON text), or the
/// evaluation error that stopped it; with the warnings and traces evaluation wrote on the way.
/// </summary>
public sealed record QueryOutcome(string? Text, EvaluationException? Failure, string Warnings)
{
    public bool Succeeded => Failure is null;

    /// <summary>The error's diagnostic (code, message, location), or null.</summary>
    public Diagnostic? Error => Failure?.Diagnostic;

    /// <summary>What standard error shows: the warnings, then the error with (<c>--show-trace</c>) the user's frames of its trace.
    /// The error's message and suggestions are cut as <see cref="PrintedTextBounds.Bound"/> says, and its frames as
    /// <see cref="PrintedTextBounds.BoundTrace"/> says (unlike eval's, which match Nix's).</summary>
    public string Messages(bool showTrace) => Warnings + (Failure is null ? ""
        : ErrorFormatter.Format(PrintedTextBounds.Bound(Failure.Diagnostic), UserFrames(showTrace), showTrace));

    // Show's and options' one filter of the trace (ErrorFormatter prints what it is given). Without --show-trace
    // the frames are not printed, only looked at for the hint to use it.
    private IReadOnlyList<TraceFrame> UserFrames(bool showTrace)
    {
        var frames = Failure!.Trace.Where(f => !ModulesDriver.IsDriverFrame(f) && f.IsShownOutsideEval);
        return showTrace ? PrintedTextBounds.BoundTrace([.. frames]) : [.. frames];
    }
}
