using System.CommandLine;
using ConfigLang.Cli.Rendering;
using ConfigLang.Evaluator;
using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Cli.Commands;

/// <summary><c>configlang eval</c>: evaluate an expression, printed as <c>nix-instantiate --eval</c> prints it.</summary>
public sealed class EvalCommand(CliConsole console) : ICliCommand
{
    public Command Build()
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "The file to evaluate; '-' reads standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var parse = new Option<bool>("--parse") { Description = "Print the syntax tree instead of evaluating (or the syntax errors, exit 1)." };
        var expr = new Option<string?>("--expr", "-E") { Description = "Evaluate this expression instead of a file." };
        var attr = new Option<string[]>("--attr", "-A") { Description = "Select this attribute path of the result (repeatable)." };
        var strict = new Option<bool>("--strict") { Description = "Evaluate the whole result, not only its top level." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var xml = new Option<bool>("--xml") { Description = "Print the result as Nix's XML." };
        var noLocation = new Option<bool>("--no-location") { Description = "Leave source positions out of the XML output." };
        var include = new Option<string[]>("-I") { Description = "Add a search path entry (DIR or NAME=DIR) for <NAME> lookups." };
        var arg = new Option<string[]>("--arg") { Description = "Pass NAME EXPR to the function the file evaluates to.", Arity = new ArgumentArity(2, 2), AllowMultipleArgumentsPerToken = true };
        var argstr = new Option<string[]>("--argstr") { Description = "Pass NAME STRING to the function the file evaluates to.", Arity = new ArgumentArity(2, 2), AllowMultipleArgumentsPerToken = true };
        var showTrace = new Option<bool>("--show-trace") { Description = "Show the chain of evaluation frames of an error." };
        // Accepted and ignored, so scripts written for nix-instantiate run unchanged.
        var eval = new Option<bool>("--eval") { Hidden = true };
        var evalOnly = new Option<bool>("--eval-only") { Hidden = true };
        var readWrite = new Option<bool>("--read-write-mode") { Hidden = true };
        var timeout = new Option<string?>("--timeout") { Hidden = true };
        var option = new Option<string[]>("--option") { Hidden = true, Arity = new ArgumentArity(2, 2), AllowMultipleArgumentsPerToken = true };
        var impure = new Option<bool>("--impure") { Hidden = true };
        var noShowTrace = new Option<bool>("--no-show-trace") { Hidden = true };
        var maxCallDepth = new Option<int?>("--max-call-depth") { Description = "How deeply function calls may nest (default 20000)." };
        var lintUrl = new Option<string?>("--lint-url-literals") { Description = "'fatal' rejects unquoted URL literals ('warn' is accepted and ignored)." };
        var lintShort = new Option<string?>("--lint-short-path-literals") { Description = "'fatal' rejects path literals without './'." };
        var lintAbsolute = new Option<string?>("--lint-absolute-path-literals") { Description = "'fatal' rejects absolute path literals." };

        var command = new Command("eval", "Evaluate a Nix-language expression and print the result as nix-instantiate --eval does.")
        {
            file, parse, expr, attr, strict, json, xml, noLocation, include, arg, argstr, showTrace, eval, evalOnly, readWrite, timeout, option,
            impure, noShowTrace, maxCallDepth, lintUrl, lintShort, lintAbsolute,
        };
        command.SetAction(result =>
        {
            if (result.GetValue(parse))
            {
                console.Error.WriteLine("error[CL9002]: --parse is not available yet");
                return ExitCodes.Usage;
            }

            var path = result.GetValue(file);
            var expression = result.GetValue(expr);
            if (expression is null && path == "-") expression = Console.In.ReadToEnd();
            else if (expression is null && path is not null && !File.Exists(path) && !Directory.Exists(path))
            {
                console.Error.WriteLine($"error: getting status of '{Path.GetFullPath(path)}': No such file or directory");
                return ExitCodes.Usage;
            }

            var autoArgs = new List<(string, string, bool)>();
            AddPairs(autoArgs, result.GetValue(arg), isString: false);
            AddPairs(autoArgs, result.GetValue(argstr), isString: true);
            var request = new EvaluationRequest
            {
                File = path,
                Expression = expression,
                AttrPaths = result.GetValue(attr) ?? [],
                Strict = result.GetValue(strict),
                Output = result.GetValue(json) ? EvaluationOutput.Json : result.GetValue(xml) ? EvaluationOutput.Xml : EvaluationOutput.Nix,
                XmlLocations = !result.GetValue(noLocation),
                AutoArgs = autoArgs,
                ShowTrace = result.GetValue(showTrace) && !result.GetValue(noShowTrace),
            };
            var lints = LiteralLints.None;
            if (result.GetValue(lintUrl) == "fatal") lints |= LiteralLints.UrlLiterals;
            if (result.GetValue(lintShort) == "fatal") lints |= LiteralLints.ShortPathLiterals;
            if (result.GetValue(lintAbsolute) == "fatal") lints |= LiteralLints.AbsolutePathLiterals;
            var options = new EvaluatorOptions { SearchPath = result.GetValue(include) ?? [], Lints = lints };
            if (result.GetValue(maxCallDepth) is { } depth) options = options with { MaxCallDepth = depth };
            var outcome = new ConfigEvaluator(options).Evaluate(request);
            console.Out.Write(outcome.Stdout);
            console.Error.Write(outcome.Stderr);
            return outcome.Succeeded ? ExitCodes.Ok : ExitCodes.InputErrors;
        });
        return command;
    }

    private static void AddPairs(List<(string, string, bool)> target, string[]? values, bool isString)
    {
        if (values is null) return;
        for (var i = 0; i + 1 < values.Length; i += 2) target.Add((values[i], values[i + 1], isString));
    }
}
