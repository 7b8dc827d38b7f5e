using System.CommandLine;
using System.Globalization;
using ConfigLang.Acme.Cluster;
using ConfigLang.Acme.Execution;
using ConfigLang.Acme.Model;
using ConfigLang.Acme.Planning;
using ConfigLang.Acme.Storage;
using ConfigLang.Cli.Adapters;
using ConfigLang.Host;
using ConfigLang.Cli.Rendering;
using ConfigLang.Cli.Rendering.DiagnosticFormats;
using ConfigLang.Cli.Rendering.Preview;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Cli.Commands;

/// <summary>
/// <c>configlang preview CONFIG [--root DIR] [--now ISO8601] [--json]</c>: lints the host (errors
/// stop it, exit 1), maps the resolved certificates to requests, reads what is on disk under
/// DIR and prints the planner's decision per certificate. No writes; no network, except that a
/// host in a cluster asks the cluster (read only) whether it already holds a usable certificate
/// for each name, and previews without it when the cluster cannot be reached.
/// </summary>
public sealed class PreviewCommand(CliConsole console, HostRequestLoader loader, ICertificateClusterFactory clusters) : ICliCommand
{
    public Command Build()
    {
        var config = new Argument<string>("CONFIG") { Description = "The host configuration (a module file)." };
        var root = new Option<string>("--root") { Description = "Prefix of every host path (state, certificates).", DefaultValueFactory = _ => "/" };
        var now = new Option<string?>("--now") { Description = "Plan as if it were this instant (ISO 8601); default: now." };
        var json = new Option<bool>("--json") { Description = "Print the plan as JSON." };
        var include = new Option<string[]>("-I") { Description = "Add a search path entry (DIR or NAME=DIR) for <NAME> lookups." };
        var command = new Command("preview", "Show what rebuild would do for each certificate, given the state on disk.")
        {
            config, root, now, json, include,
        };
        command.SetAction(async (result, ct) =>
        {
            var file = result.GetValue(config)!;
            TimeProvider clock = TimeProvider.System;
            if (result.GetValue(now) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
                {
                    console.Error.WriteLine($"error[CL9001]: --now '{text}' is not an ISO 8601 date and time");
                    return ExitCodes.Usage;
                }
                clock = new FixedTimeProvider(instant);
            }

            var host = loader.Load(file, new EvaluatorOptions { SearchPath = result.GetValue(include) ?? [] }, result.GetValue(root)!, out var exitCode);
            if (host is null) return exitCode;
            var requests = host.Requests;
            var store = new CertificateStore(result.GetValue(root)!);
            Plan plan;
            try { plan = new CertificatePlanner(clock).CreatePlan(requests, store.Read); }
            catch (IOException e)
            {
                console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.ExecutionFailure;
            }
            ClusterSettings? settings;
            try { settings = host.Facts.Cluster.ToSettings(); }
            catch (Exception e) when (e is UriFormatException or InvalidOperationException)
            {
                console.Error.WriteLine($"error: security.acme.cluster: {TerminalText.EscapeLine(e.Message)}");
                return ExitCodes.InputErrors;
            }
            var cluster = settings is null ? null
                : await ClusterPlanLookup.ConnectAndLookUpAsync(clusters, settings, Path.GetFullPath(result.GetValue(root)!), plan, clock, ct).ConfigureAwait(false);
            if (cluster?.Error is { } unreachable) console.Error.WriteLine($"warning: cluster: {TerminalText.EscapeLine(unreachable)}; the plan is shown without it");
            console.Out.Write(result.GetValue(json) ? PreviewJsonWriter.Write(plan, cluster) : PreviewTableWriter.Write(plan, cluster));
            return plan.HasErrors ? ExitCodes.InputErrors : ExitCodes.Ok;
        });
        return command;
    }
}
