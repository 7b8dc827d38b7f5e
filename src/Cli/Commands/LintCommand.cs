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
/// then look at the hosts together. Unless <c>--impure</c>, the program sees no environment variables
/// and only the files under the allowed folders (<c>--allow-path</c>)
/// (see the README, "Hostile input and limits").
/// </summary>
public sealed class LintCommand(CliConsole console, HostLinter linter, FleetLinter fleetLinter, DiagnosticWriterRegistry writers) : ICliCommand
{
    private Option<string>? _format;

    /// <summary>A format whose lines are workflow commands (github) prints them to be obeyed, on its stream only.</summary>
    public RunnerCommandStreams StreamsWithRunnerCommands(ParseResult parseResult)
    {
        if (_format is null || parseResult.GetValue(_format) is not { } name || !writers.TryGet(name, out var writer) || !writer.EmitsWorkflowCommands)
            return RunnerCommandStreams.None;
        return writer.PreferredStream == DiagnosticOutputStream.StandardError ? RunnerCommandStreams.StandardError : RunnerCommandStreams.StandardOutput;
    }

    public Command Build()
    {
        var configs = new Argument<string[]>("CONFIG") { Description = "Host configurations (module files).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format")
        {
            Description = $"Output format: {string.Join(", ", writers.Names)}.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong([.. writers.Names]);
        _format = format;
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Exit 1 on warnings too." };
        var include = new Option<string[]>("-I") { Description = "Add a search path entry (DIR or NAME=DIR) for <NAME> lookups." };
        var showTrace = new Option<bool>("--show-trace") { Description = "Add the evaluation trace of an evaluation error to its notes." };
        var impure = new Option<bool>("--impure")
        {
            Description = "Let the configuration see the environment variables (builtins.getEnv, HOME, NIX_PATH) and every file; "
                + "by default it sees no variable and only the files under the current directory, the linted files' directories, "
                + "the git work trees holding them (not .git), -I and --allow-path folders.",
        };
        var allowPath = new Option<string[]>("--allow-path")
        {
            HelpName = "DIR",
            Description = "Let the configuration read the files under DIR too (repeatable).",
        };
        var command = new Command("lint", "Evaluate host configurations and report failed assertions, warnings, type errors and lint findings.")
        {
            configs, format, warningsAsErrors, include, showTrace, impure, allowPath,
        };
        command.SetAction(result =>
        {
            // A missing file is a usage error (exit 2), as for every command.
            if (result.GetValue(configs)!.FirstOrDefault(f => !File.Exists(f)) is { } missing)
            {
                console.Error.WriteLine($"error[{LintCodes.MissingFile}]: the configuration file '{missing}' does not exist");
                return ExitCodes.Usage;
            }
            var isImpure = result.GetValue(impure);
            var options = new EvaluatorOptions { SearchPath = result.GetValue(include) ?? [] };
            if (!isImpure)
            {
                // Lint runs on untrusted pull requests, and its messages reach public CI logs: as in
                // Nix's pure evaluation the program sees no environment variable (getEnv is "", HOME and
                // NIX_PATH unset), and as in its restricted mode it reads only the files under
                // LintAllowedFolders (the current and the linted files' folders, their git work trees
                // but not .git, -I and --allow-path folders, the built-in library). A secret file inside
                // those folders, or one an --allow-path names, can still be printed.
                options = options with
                {
                    EnvironmentVariables = new Dictionary<string, string>(),
                    AllowedPaths = LintAllowedFolders.Of(System.Environment.CurrentDirectory, result.GetValue(configs)!, result.GetValue(allowPath) ?? []),
                    AllowedPathsHint = "--allow-path DIR adds a folder, --impure lifts the restriction",
                };
            }
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
