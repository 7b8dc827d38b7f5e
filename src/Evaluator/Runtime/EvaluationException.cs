using ConfigLang.Evaluator.Diagnostics;
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

/// <summary>One line of <c>--show-trace</c>: "while evaluating …" and where. A frame Nix 2.8 collects
/// only under <c>--show-trace</c> (calls of functions and builtins) or not at all is <paramref name="OnlyWithShowTrace"/>:
/// alone it does not earn the "use '--show-trace'" hint. <paramref name="CallSite"/> is a function call's
/// "from call site" frame, printed right after it (kept together so that deep recursion's repeated calls
/// collapse as one frame).</summary>
public sealed record TraceFrame(string Message, SourceLocation? Location, bool OnlyWithShowTrace = false, CallSite? CallSite = null);

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
        if (_trace.Count < 10000) _trace.Add(new TraceFrame(message, location, OnlyWithShowTrace: true, new CallSite(callSite)));
        return this;
    }

    /// <summary>A frame Nix 2.8 records only under <c>--show-trace</c> (a call) or not at all (toJSON's attribute).</summary>
    public EvaluationException AddShowTraceFrame(string message, SourceLocation? location)
    {
        if (_trace.Count < 10000) _trace.Add(new TraceFrame(message, location, OnlyWithShowTrace: true));
        return this;
    }

    /// <summary>Gives an error without a location the location of the expression that raised it.</summary>
    public EvaluationException WithLocationIfMissing(SourceLocation? location)
    {
        if (Diagnostic.Location is null && location is not null) Diagnostic = Diagnostic with { Location = location };
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

    public static EvaluationException Type(string message, SourceLocation? location) =>
        Create(EvaluationDiagnostics.TypeMismatch, message, location);

    public static EvaluationException InfiniteRecursion(SourceLocation? location) =>
        Create(EvaluationDiagnostics.InfiniteRecursion, "infinite recursion encountered", location, EvaluationErrorKind.InfiniteRecursion);

    public static EvaluationException StackOverflow(SourceLocation? location) =>
        Create(EvaluationDiagnostics.StackOverflow, "stack overflow (possible infinite recursion)", location, EvaluationErrorKind.StackOverflow);
}
