using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>Evaluates an expression as <c>configlang eval --strict -E</c> would, for unit tests.</summary>
internal static class Evaluate
{
    public static EvaluationResult Run(string expression, EvaluatorOptions? options = null, EvaluationOutput output = EvaluationOutput.Nix, bool showTrace = false) =>
        new ConfigEvaluator(options ?? DefaultOptions())
            .Evaluate(new EvaluationRequest { Expression = expression, Strict = true, Output = output, ShowTrace = showTrace });

    /// <summary>A fresh interpreter with the default options (to look at builtins and values directly).</summary>
    public static Interpreter Interpreter() => new ConfigEvaluator(DefaultOptions()).CreateInterpreter();

    /// <summary>The builtin <paramref name="name"/> of a fresh interpreter.</summary>
    public static ConfigLang.Evaluator.Runtime.Values.PrimOpValue Builtin(string name) =>
        Interpreter().Builtins.Get(name) as ConfigLang.Evaluator.Runtime.Values.PrimOpValue ?? throw new InvalidOperationException(name + " is not a builtin");

    /// <summary>The error's message and all its frames, those eval leaves out as Nix 2.8 has none (a builtin's call,
    /// which lint's notes use) included: one line each, <c>message at location</c>.</summary>
    public static string ErrorWithAllFrames(string expression)
    {
        var result = Run(expression);
        Assert.False(result.Succeeded, "expected an error, got " + result.Stdout);
        return string.Join("\n", [result.Error!.Message, .. result.ErrorTrace.Select(frame => $"{frame.Message} at {frame.Location}")]);
    }

    /// <summary>The error message with every frame (<c>--show-trace</c>); fails the test when evaluation succeeds.</summary>
    public static string ErrorWithTrace(string expression)
    {
        var result = Run(expression, showTrace: true);
        Assert.False(result.Succeeded, "expected an error, got " + result.Stdout);
        return result.Stderr;
    }

    private static EvaluatorOptions DefaultOptions(string? directory = null) =>
        new() { CurrentDirectory = directory ?? Path.GetTempPath(), EnvironmentVariables = new Dictionary<string, string>() };

    /// <summary>A whole request (a file, an expression's name, lazy output) with the default options,
    /// relative paths read from <paramref name="directory"/> (default: the temporary folder).</summary>
    public static EvaluationResult Request(EvaluationRequest request, string? directory = null) =>
        new ConfigEvaluator(DefaultOptions(directory)).Evaluate(request);

    /// <summary>The printed value (without the final newline); fails the test on an evaluation error.</summary>
    public static string Value(string expression, EvaluatorOptions? options = null)
    {
        var result = Run(expression, options);
        Assert.True(result.Succeeded, result.Stderr);
        return result.Stdout.TrimEnd('\n');
    }

    /// <summary>The error message; fails the test when evaluation succeeds.</summary>
    public static string Error(string expression, EvaluatorOptions? options = null)
    {
        var result = Run(expression, options);
        Assert.False(result.Succeeded, "expected an error, got " + result.Stdout);
        return result.Stderr;
    }

    /// <summary>The printed value without <c>--strict</c> (values not evaluated print as <c>&lt;CODE&gt;</c>);
    /// fails the test on an evaluation error.</summary>
    public static string Lazy(string expression)
    {
        var result = new ConfigEvaluator(DefaultOptions()).Evaluate(new EvaluationRequest { Expression = expression, Strict = false });
        Assert.True(result.Succeeded, result.Stderr);
        return result.Stdout.TrimEnd('\n');
    }

    /// <summary>Bytes allocated per element by <paramref name="function"/> applied to a list length,
    /// from the difference between two lengths (so parsing and the interpreter do not count).</summary>
    public static double BytesPerElement(string function) =>
        new ConfigEvaluator(DefaultOptions()).Run(interpreter =>
        {
            var f = interpreter.Evaluate(new ConfigLang.Evaluator.Text.SourceText(function, "«string»"), Path.GetTempPath());
            long Allocated(int n)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                interpreter.Call(f, ConfigLang.Evaluator.Runtime.Values.IntValue.Of(n));
                return GC.GetAllocatedBytesForCurrentThread() - before;
            }
            Allocated(1000); // warm up
            return (Allocated(200_000) - Allocated(100_000)) / 100_000.0;
        });
}
