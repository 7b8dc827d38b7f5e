using System.CommandLine;
using ConfigLang.Cli.Rendering;
using ConfigLang.Cli.Rendering.DiagnosticFormats;
using ConfigLang.Cli.Rendering.Show;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Modules.Evaluation;

namespace ConfigLang.Cli.Commands;

/// <summary>
/// <c>configlang show CONFIG [OPTION.PATH] [--json] [--explain]</c>: the resolved values of a
/// host configuration, or with <c>--explain</c> where each value came from.
/// </summary>
public sealed class ShowCommand(CliConsole console) : ICliCommand
{
    public Command Build()
    {
        var config = new Argument<string>("CONFIG") { Description = "The host configuration (a module file)." };
        var optionPath = new Argument<string?>("OPTION.PATH")
        {
            Description = "The option or subtree to show, e.g. security.acme.certs; default: every option that is set.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = new Option<bool>("--json") { Description = "Print the values as JSON." };
        var explain = new Option<bool>("--explain")
        {
            Description = "Show where each value came from: declarations, type, and every definition with its location, priority and whether it won.",
        };
        var include = new Option<string[]>("-I") { Description = "Add a search path entry (DIR or NAME=DIR) for <NAME> lookups." };
        var showTrace = new Option<bool>("--show-trace") { Description = "Show the chain of evaluation frames of an error." };
        var command = new Command("show", "Evaluate a host configuration with the built-in option library and print the resolved option values.")
        {
            config, optionPath, json, explain, include, showTrace,
        };
        command.SetAction(result =>
        {
            var file = result.GetValue(config)!;
            if (!File.Exists(file))
            {
                console.Error.WriteLine($"error[CL9003]: the configuration file '{file}' does not exist");
                return ExitCodes.Usage;
            }
            var query = new ConfigurationQuery(new EvaluatorOptions { SearchPath = result.GetValue(include) ?? [] });
            if (result.GetValue(explain)) return Explain(query, file, result.GetValue(optionPath), result.GetValue(json), result.GetValue(showTrace));
            var outcome = query.Show(file, result.GetValue(optionPath), result.GetValue(json));
            // The values and messages are the configuration's: their control characters are shown, not sent. JsonPrinter
            // escapes only C0 controls; DEL, C1 and bidi controls sit raw inside its strings, where \u escapes are the same JSON.
            console.Out.Write(TerminalText.Escape(outcome.Text ?? ""));
            if (result.GetValue(json) && outcome.Succeeded) console.Out.WriteLine();
            console.Error.Write(TerminalText.Escape(outcome.Messages(result.GetValue(showTrace))));
            return outcome.Succeeded ? ExitCodes.Ok : ExitCodes.InputErrors;
        });
        return command;
    }

    private int Explain(ConfigurationQuery query, string file, string? optionPath, bool json, bool showTrace)
    {
        var outcome = query.Explain(file, optionPath);
        console.Error.Write(TerminalText.Escape(outcome.Messages(showTrace)));
        if (!outcome.Succeeded) return ExitCodes.InputErrors;
        var report = ExplainReport.Parse(outcome.Text!, new DisplayPaths(Directory.GetCurrentDirectory()));
        console.Out.Write(json ? report.ToJson() + "\n" : TerminalText.Escape(ExplainTextWriter.Write(report)));
        return ExitCodes.Ok;
    }
}
