using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime;

/// <summary>What kind of failure, which decides whether <c>builtins.tryEval</c> may catch it.</summary>
public enum EvaluationErrorKind
{
    Error,
    Thrown,
    Assertion,
    Abort,
    InfiniteRecursion,
    StackOverflow,
}

/// <summary>When Nix 2.8 has a trace frame, which decides what eval prints of it (lint keeps every frame).</summary>
public enum NixTraceFrame
{
    /// <summary>Collected in any case: printed under <c>--show-trace</c>, and without it earns the "use '--show-trace'" hint.</summary>
    Collected,

    /// <summary>Collected only under <c>--show-trace</c> (calls of functions): printed there, no hint without it.</summary>
    WithShowTrace,

    /// <summary>Not in Nix 2.8's trace at all (a builtin's call, a newer Nix's "while evaluating the argument passed
    /// to …"): ours, for lint's notes, never printed by eval.</summary>
    Absent,

    /// <summary>Collected in any case, as <see cref="Collected"/>, but only eval prints it: lint and the other commands
    /// read past it (a selection's frame, which Nix places elsewhere than lint's own, an <see cref="Absent"/> one).</summary>
    OnlyInNix,
}

/// <summary>One line of <c>--show-trace</c>: "while evaluating …" and where. <paramref name="Nix"/> says whether
/// and when Nix 2.8 has it. <paramref name="CallSite"/> is a function call's "from call site" frame, printed right
/// after it (kept together so that deep recursion's repeated calls collapse as one frame).
/// <paramref name="AtNixAttributePosition"/>: an attribute's frame, at the attribute's name, which Nix 2.8 places at
/// the start of the name's dotted path (<see cref="SourceLocation.NixAttributePosition"/>); only eval, printing the
/// error, looks that up (a re-parse of the source), so the other commands and a failure caught by the program never pay for it.</summary>
public sealed record TraceFrame(string Message, SourceLocation? Location, NixTraceFrame Nix = NixTraceFrame.Collected, CallSite? CallSite = null,
    bool AtNixAttributePosition = false)
{
    /// <summary>Where Nix 2.8 prints this frame.</summary>
    public SourceLocation? NixLocation => AtNixAttributePosition && Location is { } name ? name.NixAttributePosition : Location;

    /// <summary>Whether the commands other than eval (lint, show, options) print this frame and locate errors by it:
    /// every frame but a <see cref="NixTraceFrame.OnlyInNix"/> one.</summary>
    public bool IsShownOutsideEval => Nix != NixTraceFrame.OnlyInNix;

    /// <summary>Whether eval prints this frame, as Nix 2.8 does: every frame but an <see cref="NixTraceFrame.Absent"/> one.</summary>
    public bool IsShownByEval => Nix != NixTraceFrame.Absent;
}

/// <summary>Where a function that failed was called from; the location is unknown for a call made by a builtin (map's).</summary>
public sealed record CallSite(SourceLocation? Location);

/// <summary>
/// The one exception evaluation throws. It carries the diagnostic (code, message, location) and
/// gathers trace frames while it unwinds; the façade turns it into a result.
/// </summary>
public sealed class EvaluationException : Exception
{
    private readonly List<TraceFrame> _trace = [];

    public EvaluationException(Diagnostic diagnostic, EvaluationErrorKind kind = EvaluationErrorKind.Error)
        : base(diagnostic.Message)
    {
        Diagnostic = diagnostic;
        ErrorKind = kind;
    }

    public Diagnostic Diagnostic { get; private set; }

    public EvaluationErrorKind ErrorKind { get; }

    /// <summary>For an infinite recursion on its way to the first thunk it fails: the thunk found still being
    /// computed, so that the thunk can place it as Nix 2.8 does, at the variable that read it (see Thunk.RecordFailure).</summary>
    internal Thunk? Blackholed { get; set; }

    internal EvaluationException ReadingBlackholed(Thunk thunk)
    {
        Blackholed = thunk;
        return this;
    }

    /// <summary>Innermost frame first.</summary>
    public IReadOnlyList<TraceFrame> Trace => _trace;

    /// <summary><c>throw</c> and failed assertions are what <c>tryEval</c> catches.</summary>
    public bool IsCatchable => ErrorKind is EvaluationErrorKind.Thrown or EvaluationErrorKind.Assertion;

    public bool IsStackOverflow => ErrorKind == EvaluationErrorKind.StackOverflow;

    public EvaluationException AddFrame(string message, SourceLocation? location)
    {
        if (_trace.Count < 10000) _trace.Add(new TraceFrame(message, location));
        return this;
    }

    /// <summary>A function's frame as Nix 2.8 prints it: "while evaluating 'f'", then "from call site".</summary>
    public EvaluationException AddCallFrame(string message, SourceLocation? location, SourceLocation? callSite)
    {
        if (_trace.Count < 10000) _trace.Add(new TraceFrame(message, location, NixTraceFrame.WithShowTrace, new CallSite(callSite)));
        return this;
    }

    /// <summary>The last frame is a function's call from <paramref name="site"/> made by a builtin (map's): Nix 2.8
    /// makes such calls without a position, so its "from call site" shows none.</summary>
    internal void CallMadeByBuiltinAt(SourceLocation site)
    {
        if (_trace.Count > 0 && _trace[^1] is { CallSite.Location: { } at } frame && at == site) _trace[^1] = frame with { CallSite = new CallSite(null) };
    }

    /// <summary>A frame Nix 2.8 does not have (a builtin's call, toJSON's attribute): kept for lint, which finds
    /// the user's code by it, and left out of eval's output.</summary>
    public EvaluationException AddFrameAbsentFromNix(string message, SourceLocation? location)
    {
        if (_trace.Count < 10000) _trace.Add(new TraceFrame(message, location, NixTraceFrame.Absent));
        return this;
    }

    /// <summary>An attribute's frame at its name <paramref name="location"/>, which eval prints where Nix 2.8 places the
    /// attribute (see <see cref="TraceFrame.AtNixAttributePosition"/>): one frame for both, as Nix has one.</summary>
    public EvaluationException AddAttributeFrame(string message, SourceLocation location, NixTraceFrame nix = NixTraceFrame.Collected)
    {
        if (_trace.Count < 10000) _trace.Add(new TraceFrame(message, location, nix, AtNixAttributePosition: true));
        return this;
    }

    /// <summary>A frame Nix 2.8 has where lint's own differs (see <see cref="NixTraceFrame.OnlyInNix"/>).</summary>
    public EvaluationException AddFrameOnlyNixHas(string message, SourceLocation? location)
    {
        if (_trace.Count < 10000) _trace.Add(new TraceFrame(message, location, NixTraceFrame.OnlyInNix));
        return this;
    }

    /// <summary>Gives an error without a location the location of the expression that raised it.</summary>
    public EvaluationException WithLocationIfMissing(SourceLocation? location)
    {
        if (Diagnostic.Location is null && location is not null) Diagnostic = Diagnostic with { Location = location };
        return this;
    }

    /// <summary>
    /// Records where Nix 2.8 locates this error (null: nowhere) when that differs from the precise location
    /// lint reports; the first site that knows decides, as the error unwinds.
    /// </summary>
    public EvaluationException LocatedByNixAt(SourceLocation? location)
    {
        if (Diagnostic.NixPosition is null) Diagnostic = Diagnostic with { NixPosition = new NixErrorPosition(location) };
        return this;
    }

    /// <summary>Meant as an exception filter, and returns false so that it never catches (a plain call works too): when this error was raised at <paramref name="raisedAt"/> itself
    /// (not inside what was evaluated there), records that Nix 2.8 locates it at <paramref name="nixLocation"/> (null:
    /// nowhere), as <see cref="LocatedByNixAt"/> does. Declining rather than catching and rethrowing lets the error
    /// unwind once, however deep the stack (see Thunk.ForceSlow); a stack overflow is left as it is.</summary>
    internal bool LocatedByNixAtIfRaisedAt(SourceLocation? raisedAt, SourceLocation? nixLocation)
    {
        if (!IsStackOverflow && Diagnostic.Location == raisedAt) LocatedByNixAt(nixLocation);
        return false;
    }

    /// <summary>What Nix 2.8 suggests instead of the missing <paramref name="name"/> among <paramref name="names"/>.</summary>
    public EvaluationException WithSuggestions(Symbol name, IEnumerable<Symbol> names)
    {
        Diagnostic = Diagnostic with { Suggestions = NixSuggestions.For(name, names) };
        return this;
    }

    /// <summary>A fresh exception for the same failure (a failed thunk forced again).</summary>
    public EvaluationException Rethrown()
    {
        var copy = new EvaluationException(Diagnostic, ErrorKind);
        copy._trace.AddRange(_trace);
        return copy;
    }

    public static EvaluationException Create(string code, string message, SourceLocation? location, EvaluationErrorKind kind = EvaluationErrorKind.Error) =>
        new(Diagnostic.Error(code, message, location), kind);

    /// <summary>A failure of the operating system (a file missing, not a directory): Nix 2.8's SysError, which it
    /// prints without a position; <paramref name="location"/> is lint's.</summary>
    public static EvaluationException SystemError(string message, SourceLocation? location) =>
        Create(EvaluationDiagnostics.FileSystem, message, location).LocatedByNixAt(null);

    public static EvaluationException Type(string message, SourceLocation? location) =>
        Create(EvaluationDiagnostics.TypeMismatch, message, location);

    public static EvaluationException InfiniteRecursion(SourceLocation? location) =>
        Create(EvaluationDiagnostics.InfiniteRecursion, "infinite recursion encountered", location, EvaluationErrorKind.InfiniteRecursion);

    public static EvaluationException StackOverflow(SourceLocation? location) =>
        Create(EvaluationDiagnostics.StackOverflow, "stack overflow (possible infinite recursion)", location, EvaluationErrorKind.StackOverflow);
}
