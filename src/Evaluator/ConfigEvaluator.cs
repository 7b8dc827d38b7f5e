using System.Text;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Lowering;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Printing;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator;

/// <summary>How the result is printed: Nix syntax, JSON (<c>--json</c>) or XML (<c>--xml</c>).</summary>
public enum EvaluationOutput
{
    Nix,
    Json,
    Xml,
}

/// <summary>What <c>nix-instantiate --eval</c> is asked: a file or an expression, and its flags.</summary>
public sealed record EvaluationRequest
{
    /// <summary>The file to evaluate (relative to the current directory of the options), or null with <see cref="Expression"/>.</summary>
    public string? File { get; init; }

    /// <summary>The text of <c>-E</c>; the file name is then ignored.</summary>
    public string? Expression { get; init; }

    /// <summary>What messages call <see cref="Expression"/>: <see cref="StringName"/> for <c>-E</c> and
    /// <c>--arg</c>, <see cref="StandardInputName"/> for text read from standard input, as Nix 2.8 does.</summary>
    public string ExpressionName { get; init; } = StringName;

    public const string StringName = "«string»";
    public const string StandardInputName = "«stdin»";

    /// <summary><c>-A</c> attribute paths, each printed in turn; empty means the whole value.</summary>
    public IReadOnlyList<string> AttrPaths { get; init; } = [];

    public bool Strict { get; init; }

    public EvaluationOutput Output { get; init; }

    /// <summary><c>--no-location</c> for XML output.</summary>
    public bool XmlLocations { get; init; } = true;

    /// <summary><c>--arg NAME EXPR</c> (IsString false) and <c>--argstr NAME STR</c> (IsString true), in order.</summary>
    public IReadOnlyList<(string Name, string Text, bool IsString)> AutoArgs { get; init; } = [];

    public bool ShowTrace { get; init; }
}

/// <summary>The outcome: what goes to standard output and standard error, the diagnostic of a failure.
/// <see cref="Stdout"/> is .NET text; <see cref="StdoutBytes"/> the same output as the bytes Nix would write.</summary>
public sealed record EvaluationResult(string Stdout, string Stderr, Diagnostic? Error)
{
    private readonly string? _stdoutByteText;

    /// <summary>Standard output in the runtime's byte form (<see cref="ByteText"/>); <see cref="Stdout"/> is it decoded.</summary>
    internal string StdoutByteText
    {
        get => _stdoutByteText ?? ByteText.FromUnicode(Stdout);
        init => _stdoutByteText = value;
    }

    /// <summary>Standard output as Nix writes it: a string's bytes as they are, even when they are not UTF-8
    /// (<c>substring 0 1 "ü"</c> prints the byte 0xC3), where <see cref="Stdout"/> has U+FFFD.</summary>
    public byte[] StdoutBytes => ByteText.ToBytes(StdoutByteText);

    /// <summary>The files the evaluation imported, in the order first imported.</summary>
    public IReadOnlyList<string> ImportedFiles { get; init; } = [];

    /// <summary>Every frame of the error's trace, innermost first, those Nix 2.8 lacks (and eval leaves out) included.
    /// Internal: only the tests read it whole (the commands print the frames through their own formatters).</summary>
    internal IReadOnlyList<TraceFrame> ErrorTrace { get; init; } = [];

    public bool Succeeded => Error is null;
}

/// <summary>
/// The evaluator's façade. It parses, lowers and evaluates on a thread with a large stack (so
/// deep recursion is an evaluation error, never a crash), applies <c>-A</c> and the automatic
/// arguments as nix-instantiate does, prints the value, and turns every failure into a result
/// carrying the Nix-style message.
/// </summary>
public sealed class ConfigEvaluator
{
    /// <summary>The stack of the evaluation thread; deep but bounded recursion fits in it.</summary>
    public const int StackSize = 512 * 1024 * 1024;

    private readonly EvaluatorOptions _options;

    public ConfigEvaluator(EvaluatorOptions options) => _options = options;

    /// <summary>Runs <paramref name="action"/> on a thread with <see cref="StackSize"/> bytes of stack.</summary>
    public static T RunWithLargeStack<T>(Func<T> action)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { result = action(); }
            catch (Exception e) { failure = e; }
        }, StackSize);
        thread.Start();
        thread.Join();
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        return result;
    }

    public EvaluationResult Evaluate(EvaluationRequest request) => RunWithLargeStack(() => EvaluateOnThisThread(request));

    /// <summary>A fresh interpreter with these options and the parser (for hosts such as the module layer).
    /// Call into it from <see cref="Run{T}"/> or <see cref="RunWithLargeStack{T}"/>.</summary>
    public Interpreter CreateInterpreter(TextWriter? traces = null) =>
        new(traces is null ? _options : _options with { TraceWriter = traces }, Parser.ParseSyntaxOnly);

    /// <summary>Runs host code against a fresh interpreter on the large-stack thread; evaluation errors
    /// surface as <see cref="EvaluationException"/> (format them with <see cref="ErrorFormatter"/>).</summary>
    public T Run<T>(Func<Interpreter, T> work) => RunWithLargeStack(() => work(CreateInterpreter()));

    private EvaluationResult EvaluateOnThisThread(EvaluationRequest request)
    {
        var stderr = new StringWriter();
        var stdout = new StringBuilder();
        var interpreter = CreateInterpreter(stderr);
        try
        {
            Value root;
            SourceLocation? rootLocation;
            if (request.Expression is { } expression)
            {
                var source = SourceText.FromExpression(expression, request.ExpressionName);
                rootLocation = new SourceLocation(source, new TextSpan(0, 0));
                root = interpreter.Evaluate(source, _options.CurrentDirectory);
            }
            else
            {
                var file = PathUtilities.Canonicalize(PathUtilities.Combine(_options.CurrentDirectory, request.File ?? "default.nix"));
                root = interpreter.Import(file, null);
                rootLocation = interpreter.LocationOfImport(file);
            }
            var autoArgs = BuildAutoArgs(interpreter, request);
            var paths = request.AttrPaths.Count == 0 ? [""] : request.AttrPaths;
            foreach (var path in paths)
            {
                var value = FindAlongAttrPath(interpreter, root, path, autoArgs);
                if (autoArgs.Count > 0) value = AutoCall(interpreter, value, autoArgs);
                try
                {
                    Print(interpreter, request, value, rootLocation, stdout);
                }
                catch (EvaluationException e)
                {
                    // A value too deep or too large to print has no location of its own: point at the expression printed.
                    throw e.WithLocationIfMissing(rootLocation);
                }
            }
            return Result(stdout, stderr, null, interpreter);
        }
        catch (EvaluationException e)
        {
            stderr.Write(ErrorFormatter.Format(e.Diagnostic, e.Trace, request.ShowTrace, nixCompatible: true));
            return Result(stdout, stderr, e.Diagnostic, interpreter) with { ErrorTrace = e.Trace };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug of ours must not take the process down: report it as an evaluation error.
            var diagnostic = Diagnostic.Error(EvaluationDiagnostics.General, $"internal error: {e.GetType().Name}: {e.Message}", null);
            stderr.Write(ErrorFormatter.Format(diagnostic, [], false));
            return Result(stdout, stderr, diagnostic, null);
        }
    }

    /// <param name="stdout">The output printed so far, in the runtime's byte form.</param>
    private static EvaluationResult Result(StringBuilder stdout, StringWriter stderr, Diagnostic? error, Interpreter? interpreter)
    {
        var bytes = stdout.ToString();
        return new EvaluationResult(ByteText.ToUnicode(bytes), stderr.ToString(), error)
        {
            StdoutByteText = bytes,
            ImportedFiles = interpreter?.ImportedFiles ?? [],
        };
    }

    private static void Print(Interpreter interpreter, EvaluationRequest request, Value value, SourceLocation? site, StringBuilder stdout)
    {
        switch (request.Output)
        {
            case EvaluationOutput.Json:
                stdout.Append(JsonPrinter.ToJson(interpreter, value, site).Text);
                break;
            case EvaluationOutput.Xml:
                stdout.Append(XmlPrinter.ToXml(interpreter, value, request.Strict, request.XmlLocations, site).Text);
                break;
            default:
                if (request.Strict) interpreter.ForceDeep(value);
                stdout.Append(ValuePrinter.PrintBytes(value.Force())).Append('\n');
                break;
        }
    }

    private AttrSetValue BuildAutoArgs(Interpreter interpreter, EvaluationRequest request)
    {
        var builder = new AttrSetBuilder();
        foreach (var (name, text, isString) in request.AutoArgs)
        {
            builder.Add(ByteText.FromUnicode(name), isString
                ? StringValue.FromUnicode(text)
                : Thunk.FromFunc(() => interpreter.Evaluate(SourceText.FromExpression(text, EvaluationRequest.StringName), _options.CurrentDirectory)));
        }
        return builder.Build();
    }

    /// <summary>Nix's <c>findAlongAttrPath</c>: dotted names and list indices, calling functions automatically on the way.</summary>
    private static Value FindAlongAttrPath(Interpreter interpreter, Value root, string path, AttrSetValue autoArgs)
    {
        var value = root.Force();
        if (path.Length == 0) return value;
        foreach (var component in SplitAttrPath(path))
        {
            value = AutoCall(interpreter, value, autoArgs).Force();
            if (long.TryParse(component, out var index))
            {
                var list = value as ListValue ?? throw EvaluationException.Type(
                    $"the expression selected by the selection path '{path}' should be a list but is {value.Describe()}", null);
                if (index < 0 || index >= list.Count)
                {
                    throw EvaluationException.Create(EvaluationDiagnostics.OutOfBounds, $"list index {index} in selection path '{path}' is out of range", null);
                }
                value = list.Items[index].Force();
                continue;
            }
            var attrs = value as AttrSetValue ?? throw EvaluationException.Type(
                $"the expression selected by the selection path '{path}' should be a set but is {value.Describe()}", null);
            value = (attrs.Get(ByteText.FromUnicode(component)) ?? throw EvaluationException.Create(EvaluationDiagnostics.MissingAttribute,
                $"attribute '{component}' in selection path '{path}' not found", null)).Force();
        }
        return value;
    }

    private static IEnumerable<string> SplitAttrPath(string path)
    {
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in path)
        {
            if (c == '"') quoted = !quoted;
            else if (c == '.' && !quoted)
            {
                yield return current.ToString();
                current.Clear();
            }
            else current.Append(c);
        }
        yield return current.ToString();
    }

    /// <summary>Nix's <c>autoCallFunction</c>: a function taking a set of formals gets the matching automatic arguments.</summary>
    private static Value AutoCall(Interpreter interpreter, Value value, AttrSetValue autoArgs)
    {
        var f = value.Force();
        if (f is AttrSetValue attrs && attrs.Get(Symbols.Functor) is { } functor)
        {
            return AutoCall(interpreter, interpreter.Call(functor, attrs), autoArgs);
        }
        if (f is not LambdaValue { Formals: { } formals } lambda) return f;
        if (lambda.Code.Ellipsis) return interpreter.Call(f, autoArgs);
        var builder = new AttrSetBuilder();
        foreach (var (name, hasDefault, location) in formals)
        {
            if (autoArgs.Get(name) is { } arg) builder.Add(name, arg);
            else if (!hasDefault)
            {
                throw EvaluationException.Create(EvaluationDiagnostics.BadArguments,
                    $"cannot evaluate a function that has an argument without a value ('{name}')", location);
            }
        }
        return interpreter.Call(f, builder.Build());
    }
}
