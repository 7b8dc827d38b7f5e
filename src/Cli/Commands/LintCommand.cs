using System.CommandLine;
using ConfigLang.Host;
using ConfigLang.Host.Fleet;
using ConfigLang.Cli.Rendering;
using ConfigLang.Cli.Rendering.DiagnosticFormats;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Cli.Commands;

/// <summary>
/// <c>configlang lint CONFIG... [--format text|json|sarif|github] [--warnings-as-errors]</c>:
/// every problem of every file in one report; exit 1 when there is an error (or a warning with
/// <c>--warnings-as-errors</c>). With several files, the fleet checks (<see cref="FleetLinter"/>)
/// then look at the hosts together.
/// </summary>
public sealed class LintCommand(CliConsole console, HostLinter linter, FleetLinter fleetLinter, DiagnosticWriterRegistry writers) : ICliCommand
{
    public Command Build()
    {
        var configs = new Argument<string[]>("CONFIG") { Description = "Host configurations (module files).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format")
        {
            Description = $"Output format: {string.Join(", ", writers.Names)}.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong([.. writers.Names]);
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Exit 1 on warnings too." };
        var include = new Option<string[]>("-I") { Description = "Add a search path entry (DIR or NAME=DIR) for <NAME> lookups." };
        var showTrace = new Option<bool>("--show-trace") { Description = "Add the evaluation trace of an evaluation error to its notes." };
        var command = new Command("lint", "Evaluate host configurations and report failed assertions, warnings, type errors and lint findings.")
        {
            configs, format, warningsAsErrors, include, showTrace,
        };
        command.SetAction(result =>
        {
            // A missing file is a usage error (exit 2), as for every command.
            if (result.GetValue(configs)!.FirstOrDefault(f => !File.Exists(f)) is { } missing)
            {
                console.Error.WriteLine($"error[{LintCodes.MissingFile}]: the configuration file '{missing}' does not exist");
                return ExitCodes.Usage;
            }
            var options = new EvaluatorOptions { SearchPath = result.GetValue(include) ?? [] };
            var diagnostics = fleetLinter.LintHosts(linter, result.GetValue(configs)!, options, result.GetValue(showTrace));
            var report = DiagnosticReport.Create(diagnostics);
            var writer = writers.Get(result.GetValue(format)!);
            var output = writer.PreferredStream == DiagnosticOutputStream.StandardError ? console.Error : console.Out;
            writer.Write(report, output, console.DiagnosticOptions(output));
            var failed = report.Errors > 0 || (result.GetValue(warningsAsErrors) && report.Warnings > 0);
            return failed ? ExitCodes.InputErrors : ExitCodes.Ok;
        });
        return command;
    }
}
