using System.CommandLine;
using ConfigLang.Cli.Rendering;
using ConfigLang.Evaluator;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Text;
using ConfigLang.Modules.Evaluation;

namespace ConfigLang.Cli.Commands;

/// <summary>
/// <c>configlang eval</c>: evaluate an expression, printed as <c>nix-instantiate --eval</c> prints
/// it; with <c>--parse</c>, print the syntax tree as <c>nix-instantiate --parse</c> does (or the
/// syntax errors on standard error, exit 1). The options live in <see cref="EvalOptions"/> so
/// flags can be added without touching the handlers.
/// </summary>
public sealed class EvalCommand(CliConsole console) : ICliCommand
{
    private readonly ConsoleDiagnosticRenderer _diagnostics = new(console);

    /// <summary>Nix 2.8's output is eval's contract: printed as it is, on both streams.</summary>
    public RunnerCommandStreams StreamsWithRunnerCommands(ParseResult parseResult) => RunnerCommandStreams.Both;

    public Command Build()
    {
        var options = new EvalOptions();
        var command = new Command("eval", "Evaluate a Nix-language expression and print the result as nix-instantiate --eval does.");
        options.AddTo(command);
        command.SetAction(result => Run(options.Read(result)));
        return command;
    }

    private int Run(EvalRequest request)
    {
        if (!request.Parse) return Evaluate(request);
        if (request.File is null)
        {
            console.Error.WriteLine("error[CL9003]: eval --parse needs a FILE, or '-' for standard input");
            return ExitCodes.Usage;
        }
        if (!TryRead(request.File, out var source, out var baseDirectory)) return ExitCodes.Usage;

        // The parser bounds the tree's height, so printing it fits any ordinary stack; it runs on
        // the evaluator's large-stack thread all the same, as evaluation does, so that no stack
        // size (ulimit -s) can turn a deep tree back into a crash.
        var (tree, printed) = ConfigEvaluator.RunWithLargeStack(() =>
        {
            var parsed = Parser.Parse(source);
            return (parsed, parsed.HasErrors ? null : SyntaxPrinter.Print(parsed, baseDirectory));
        });
        if (printed is null)
        {
            _diagnostics.Write(tree.Diagnostics);
            return ExitCodes.InputErrors;
        }
        console.Out.WriteLine(printed);
        return ExitCodes.Ok;
    }

    /// <summary>The evaluation path: the façade does the work, this prints its outcome.</summary>
    private int Evaluate(EvalRequest request)
    {
        var expression = request.Expression;
        var fromStandardInput = expression is null && request.File == "-";
        if (fromStandardInput) expression = console.In.ReadToEnd();
        else if (expression is null && request.File is { } file && !File.Exists(file) && !Directory.Exists(file))
        {
            console.Error.WriteLine($"error: getting status of '{Path.GetFullPath(file)}': No such file or directory");
            return ExitCodes.Usage;
        }
        var evaluation = new EvaluationRequest
        {
            File = request.File,
            Expression = expression,
            ExpressionName = fromStandardInput ? EvaluationRequest.StandardInputName : EvaluationRequest.StringName,
            AttrPaths = request.AttrPaths,
            Strict = request.Strict,
            Output = request.Output,
            XmlLocations = request.XmlLocations,
            AutoArgs = request.AutoArgs,
            ShowTrace = request.ShowTrace,
        };
        // ConfigLang's lib (<configlang/lib>, <nixpkgs/lib>) is reachable from plain expressions too.
        var options = ConfigurationQuery.WithModules(new EvaluatorOptions
        {
            SearchPath = request.SearchPath, Lints = request.Lints, LintWarnings = request.LintWarnings, ExperimentalFeatures = request.ExperimentalFeatures,
        });
        if (request.MaxCallDepth is { } depth) options = options with { MaxCallDepth = depth };
        var outcome = new ConfigEvaluator(options).Evaluate(evaluation);
        console.WriteOutBytes(outcome.StdoutBytes, outcome.Stdout);
        console.Error.Write(outcome.Stderr);
        return outcome.Succeeded ? ExitCodes.Ok : ExitCodes.InputErrors;
    }

    private bool TryRead(string file, out SourceText source, out string baseDirectory)
    {
        if (file == "-")
        {
            source = new SourceText(console.In.ReadToEnd(), EvaluationRequest.StandardInputName);
            baseDirectory = Directory.GetCurrentDirectory();
            return true;
        }
        try
        {
            source = SourceText.FromFile(file);
            baseDirectory = Path.GetDirectoryName(Path.GetFullPath(file)) ?? "/";
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error[CL9004]: cannot read '{file}': {e.Message}");
            source = null!;
            baseDirectory = "";
            return false;
        }
    }
}
