using System.CommandLine;
using ConfigLang.Cli.Rendering;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Modules.Evaluation;

namespace ConfigLang.Cli.Commands;

/// <summary><c>configlang show CONFIG [OPTION.PATH] [--json]</c>: the resolved values of a host configuration.</summary>
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
        var include = new Option<string[]>("-I") { Description = "Add a search path entry (DIR or NAME=DIR) for <NAME> lookups." };
        var showTrace = new Option<bool>("--show-trace") { Description = "Show the chain of evaluation frames of an error." };
        var command = new Command("show", "Evaluate a host configuration with the built-in option library and print the resolved option values.")
        {
            config, optionPath, json, include, showTrace,
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
            var outcome = query.Show(file, result.GetValue(optionPath), result.GetValue(json), result.GetValue(showTrace));
            console.Out.Write(outcome.Stdout);
            if (result.GetValue(json) && outcome.Succeeded) console.Out.WriteLine();
            console.Error.Write(outcome.Stderr);
            return outcome.Succeeded ? ExitCodes.Ok : ExitCodes.InputErrors;
        });
        return command;
    }
}
