using System.CommandLine;
using ConfigLang.Acme.Cluster;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Execution;
using ConfigLang.Acme.Planning;
using ConfigLang.Acme.Protocol;
using ConfigLang.Cli.Adapters;
using ConfigLang.Host;
using ConfigLang.Cli.Rendering;
using ConfigLang.Cli.Rendering.Preview;
using ConfigLang.Cli.Rendering.Rebuild;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Cli.Commands;

/// <summary>
/// What <c>rebuild</c> and <c>renew</c> share: the flags, lint and request gating (errors: exit 1,
/// nothing touched, not even the lock), the lock, the cluster's connection (a failure: exit 3, nothing
/// written; a dry run only reads from it, and shows the plan without it when it cannot),
/// accounts and generated nginx configuration, then <see cref="PlanExecutor"/> with
/// the progress of each certificate in words on stderr (live lines on a terminal, sentences otherwise) and a summary table on stdout.
/// </summary>
public abstract class CertificateWorkCommand(CliConsole console, HostRequestLoader loader, ICertificateClusterFactory clusters) : ICliCommand
{
    protected abstract string Name { get; }
    protected abstract string Description { get; }
    protected abstract RebuildMode Mode { get; }

    public Command Build()
    {
        var config = new Argument<string>("CONFIG") { Description = "The host configuration (a module file)." };
        var root = new Option<string>("--root") { Description = "Prefix of every host path (state, certificates, generated files).", DefaultValueFactory = _ => "/" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan; write nothing, contact no CA (a cluster is only read)." };
        var jobs = new Option<int?>("--jobs") { Description = "At most this many orders at once (default: security.acme.maxConcurrentRenewals, else 5)." };
        var serviceManager = new Option<string>("--service-manager") { Description = "How services are reloaded: systemd, none or exec:COMMAND.", DefaultValueFactory = _ => "systemd" };
        var caFile = new Option<string?>("--ca-file") { Description = "A PEM CA to trust for the ACME server's HTTPS endpoint." };
        var include = new Option<string[]>("-I") { Description = "Add a search path entry (DIR or NAME=DIR) for <NAME> lookups." };
        var timeout = NetworkTimeoutOption.Create();
        var format = new Option<string>("--format") { Description = "The summary on stdout: text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command(Name, Description) { config, root, dryRun, jobs, serviceManager, caFile, include, timeout, format };
        // What acme-<name>.service runs: renew only this certificate (rebuild always works on them all).
        var only = new Option<string[]>("--cert") { HelpName = "NAME", Description = "Only this certificate (repeatable), as its acme-NAME.service runs it; waits up to 30 minutes for another run to finish, since the units of all certificates may start together." };
        if (Mode == RebuildMode.Renew) command.Options.Add(only);
        command.SetAction((result, ct) => RunAsync(new WorkRequest(
            result.GetValue(config)!, result.GetValue(root)!, result.GetValue(dryRun), result.GetValue(jobs),
            result.GetValue(serviceManager)!, result.GetValue(caFile), result.GetValue(include) ?? [], result.GetValue(timeout))
        {
            Only = Mode == RebuildMode.Renew ? result.GetValue(only) ?? [] : [],
            Json = result.GetValue(format) == "json",
        }, ct));
        return command;
    }

    private sealed record WorkRequest(string File, string Root, bool DryRun, int? Jobs, string ServiceManager, string? CaFile, string[] SearchPath, string? Timeout)
    {
        public string[] Only { get; init; } = [];
        public bool Json { get; init; }
    }

    private async Task<int> RunAsync(WorkRequest request, CancellationToken ct)
    {
        IServiceManager services;
        try { services = ServiceManagers.Parse(request.ServiceManager); }
        catch (ArgumentException e)
        {
            console.Error.WriteLine($"error[CL9001]: --service-manager: {e.Message.Split(" (Parameter")[0]}");
            return ExitCodes.Usage;
        }
        if (request.Jobs is < 0)
        {
            console.Error.WriteLine("error[CL9001]: --jobs must be 0 (unlimited) or more");
            return ExitCodes.Usage;
        }
        if (NetworkTimeoutOption.Resolve(request.Timeout, System.Environment.GetEnvironmentVariable(NetworkTimeoutOption.EnvironmentVariable), out var timeoutError)
            is not { } networkTimeout)
        {
            console.Error.WriteLine($"error[CL9001]: {timeoutError}");
            return ExitCodes.Usage;
        }
        // Read now, so a file that is no PEM certificate is a usage error before anything is written.
        System.Security.Cryptography.X509Certificates.X509Certificate2? trustedCa = null;
        if (request.CaFile is { } caFile && (trustedCa = CaFileReader.TryLoad(caFile, out var caFileError)) is null)
        {
            console.Error.WriteLine($"error[CL9001]: {caFileError}");
            return ExitCodes.Usage;
        }

        // Every input error (the planner's checks of the requests included) is reported by the
        // loader's lint, before the lock, nginx.conf, the units or anything else is written.
        var host = loader.Load(request.File, new EvaluatorOptions { SearchPath = request.SearchPath }, request.Root, out var exitCode,
            extra: (config, facts) => (Nginx: NginxHostMapper.Map(config, facts.Certs), Jobs: (int)config.Get("security.acme.maxConcurrentRenewals").Int));
        if (host is null) return exitCode;
        if (request.Only.FirstOrDefault(name => host.Requests.All(r => r.Name != name)) is { } unknown)
        {
            console.Error.WriteLine($"error[CL9001]: --cert: '{TerminalText.EscapeLine(request.File)}' has no certificate '{TerminalText.EscapeLine(unknown)}' "
                + $"(it has: {string.Join(", ", host.Requests.Select(r => TerminalText.EscapeLine(r.Name)))})");
            return ExitCodes.Usage;
        }
        if (request.Only.Length > 0) host = host with { Requests = [.. host.Requests.Where(r => request.Only.Contains(r.Name))] };
        var (nginx, jobs) = host.Extra;
        ClusterSettings? cluster;
        // The assertions refuse what ToSettings cannot map; this stops only what they do not cover.
        try { cluster = host.Facts.Cluster.ToSettings(); }
        catch (Exception e) when (e is UriFormatException or InvalidOperationException)
        {
            console.Error.WriteLine($"error: security.acme.cluster: {TerminalText.EscapeLine(e.Message)}");
            return ExitCodes.InputErrors;
        }
        var (groups, users) = HostAccounts.From(host.Facts, host.Requests);

        // The executor's guard on the account files, asked before anything is written: the
        // option types already refuse such names, so this stops only a path they do not cover.
        try { Acme.Storage.AccountFileFields.Check(groups, users); }
        catch (Acme.Storage.UnsafeAccountEntryException e)
        {
            console.Error.WriteLine($"error: {TerminalText.EscapeLine(e.Message)}");
            return ExitCodes.ExecutionFailure;
        }

        var root = Path.GetFullPath(request.Root);
        // One lock over everything this run writes, generated configuration included; its only
        // owner is this command (the executor works under it and never takes it).
        RebuildLock? runLock = null;
        if (!request.DryRun)
        {
            try { runLock = RebuildLock.Acquire(root, request.Only.Length > 0 ? RebuildLock.CertificateUnitWait : TimeSpan.Zero); }
            catch (Exception e) when (e is RebuildLockedException or IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"error: {TerminalText.EscapeLine(e.Message)}");
                return ExitCodes.ExecutionFailure;
            }
        }
        using var heldLock = runLock;
        // Connected before anything is written: a missing key file or an unreachable cluster
        // would otherwise be found by the executor after nginx.conf and the units changed.
        // A dry run connects too, only to read what the cluster holds (no lock, no write).
        ICertificateCluster? connectedCluster = null;
        // A dry run's plan says, as preview's does, which certificates the cluster would supply instead of an order.
        ClusterPreview? dryRunCluster = null;
        if (cluster is not null)
        {
            try { connectedCluster = await clusters.ConnectAsync(cluster, root, ct).ConfigureAwait(false); }
            catch (ClusterException e) when (request.DryRun)
            {
                // As preview does: the plan without the cluster, and the run it previews would stop here.
                dryRunCluster = ClusterPlanLookup.Unusable(cluster, e);
                console.Error.WriteLine($"warning: cluster: {TerminalText.EscapeLine(e.Message)}; the plan is shown without it");
                console.Error.WriteLine("  = note: rebuild would stop here (exit 3) before writing anything");
            }
            catch (ClusterException e)
            {
                // The sentence names the file or the endpoints, never a secret.
                console.Error.WriteLine($"error: security.acme.cluster: {TerminalText.EscapeLine(e.Message)}");
                console.Error.WriteLine("  = note: stopped before writing: nginx.conf, the units and the certificates are as they were");
                return ExitCodes.ExecutionFailure;
            }
        }
        await using var heldCluster = connectedCluster;
        var nginxChanged = false;
        // renew does only certificate work; generated configuration is rebuild's.
        if (nginx.Enabled && Mode == RebuildMode.Rebuild)
        {
            const string nginxHostPath = "/etc/nginx/nginx.conf";
            var rooted = new Acme.Storage.RootedFileSystem(root);
            var nginxPath = rooted.FullPath(nginxHostPath);
            if (request.DryRun)
            {
                console.Error.WriteLine($"nginx: would write {nginxPath} ({nginx.Hosts.Count} virtual hosts)" +
                    (Acme.HostConfig.GeneratedFileWriter.IsForeign(rooted, nginxHostPath) ? ", keeping the file ConfigLang did not write as a dated backup" : ""));
            }
            else
            {
                try
                {
                    // services.nginx.user/group as the nginx consumer records them (the module's defaults otherwise).
                    var account = host.Facts.Consumers.FirstOrDefault(c => c.Service == "nginx");
                    var settings = account is null ? new Acme.HostConfig.NginxMainSettings() : new Acme.HostConfig.NginxMainSettings { User = account.User, Group = account.Group ?? account.User };
                    var written = Acme.HostConfig.GeneratedFileWriter.Write(rooted, nginxHostPath, Acme.HostConfig.NginxConfigWriter.WholeFile(nginx.Hosts, settings),
                        backupForeignAt: DateTimeOffset.UtcNow);
                    nginxChanged = written.Changed;
                    if (written.BackupPath is { } backup) console.Error.WriteLine($"nginx: {nginxPath} was not written by ConfigLang; kept it as {backup}");
                    console.Error.WriteLine($"nginx: {(written.Changed ? "wrote" : "unchanged")} {nginxPath}");
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // The storage's sentence names the exact file (nginx.conf, its temporary or backup) and the fix.
                    console.Error.WriteLine($"error: nginx.conf was not written: {TerminalText.EscapeLine(e.Message)}");
                    return ExitCodes.ExecutionFailure;
                }
            }
        }

        if (Mode == RebuildMode.Rebuild && !request.DryRun)
        {
            if (WriteUnits(root, host, request, nginx.Enabled) is not { } units) return ExitCodes.ExecutionFailure;
            // The running manager reads the units of / only; those written under another --root wait for that host's boot.
            if (root == "/" && !await ApplyUnitsAsync(services, units, ct).ConfigureAwait(false)) return ExitCodes.ExecutionFailure;
        }

        // SSL_CERT_FILE needs no code: .NET on Linux reads it (a whole bundle) for the default trust.
        var executor = new PlanExecutor(root, TimeProvider.System,
            PlanExecutor.ClientsTrusting(trustedCa, new AcmeClientOptions { RequestTimeout = networkTimeout }),
            services, DnsProviderRegistry.CreateDefault(networkTimeout));
        var reloads = services is not NoServiceManager;
        RebuildSummary summary;
        using (var progress = ProgressView(reloads, request.DryRun))
        try
        {
            summary = await executor.RunAsync(host.Requests, new RebuildOptions
            {
                Jobs = request.Jobs ?? jobs,
                DryRun = request.DryRun,
                Mode = Mode,
                Groups = groups,
                Users = users,
                ReloadBeforeOrders = nginx.Enabled ? ["nginx.service"] : [],
                ServiceConfigurationChanged = nginxChanged,
                Cluster = connectedCluster,
                // Which host stored a certificate, as the others report it.
                HostName = root == "/" ? System.Environment.MachineName : $"{System.Environment.MachineName}:{root}",
            }, progress, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: {TerminalText.EscapeLine(e.Message)}");
            return ExitCodes.ExecutionFailure;
        }

        foreach (var failed in summary.Certificates.Where(c => c.Error is not null))
        {
            console.Error.WriteLine($"error: certificate '{TerminalText.EscapeLine(failed.Name)}': {TerminalText.Escape(failed.Error!.Message)}");
            PointAtDeclaration(failed.Error.SourceTag, host.Path, request.File);
            if (failed.Error.CaCertificateUntrusted)
            {
                console.Error.WriteLine(request.CaFile is null
                    ? "  = help: for a private CA (pebble, step-ca, a company CA), pass its CA certificate with --ca-file PEM (or SSL_CERT_FILE)"
                    : $"  = help: --ca-file {request.CaFile} is not the CA that signed this server's certificate");
            }
            console.Error.Write(ProgramOutputText.Format(failed.Error.Output));
        }
        foreach (var error in summary.OtherErrors) console.Error.WriteLine($"error: {TerminalText.Escape(error)}");
        if (request.DryRun && connectedCluster is not null)
        {
            dryRunCluster = await ClusterPlanLookup.LookUpAsync(connectedCluster, cluster!, summary.Plan, TimeProvider.System, ct).ConfigureAwait(false);
        }
        console.Out.Write(request.Json
            ? RebuildJsonWriter.Write(summary, request.DryRun, dryRunCluster)
            : RebuildSummaryWriter.Write(summary, request.DryRun, reloads, clustered: cluster is not null, dryRunCluster));
        return summary.ExitCode;
    }

    /// <summary>Prints where the configuration defines the failed certificate: the host file as it
    /// was given, a file it imports relative to the current directory.</summary>
    private void PointAtDeclaration(Acme.Model.SourceSite? site, string hostPath, string hostFile)
    {
        if (site is null) return;
        var file = site.File == hostPath ? hostFile : Path.GetRelativePath(System.Environment.CurrentDirectory, site.File);
        console.Error.WriteLine($"  --> {TerminalText.EscapeLine(file)}:{site.Line}:{site.Column}");
    }

    /// <summary>acme-&lt;name&gt;.service and .timer per certificate (NixOS's units) running <c>renew --cert</c> with this rebuild's configuration.</summary>
    private Acme.HostConfig.UnitWriteResult? WriteUnits<T>(string root, LoadedHost<T> host, WorkRequest request, bool nginxEnabled)
    {
        try
        {
            var result = Acme.HostConfig.SystemdUnitWriter.Write(new Acme.Storage.RootedFileSystem(root), new Acme.HostConfig.RenewUnitSettings
            {
                Command = RenewUnitCommandLine.For(root, host.Path, request.SearchPath, request.ServiceManager, request.CaFile, request.Timeout),
                Certificates = host.Requests,
                ChallengeServers = nginxEnabled ? ["nginx"] : [],
            }, DateTimeOffset.UtcNow);
            foreach (var file in result.Files)
            {
                if (file.BackupPath is { } backup) console.Error.WriteLine($"systemd: {file.Path} was not written by ConfigLang; kept it as {backup}");
                console.Error.WriteLine($"systemd: {(file.Changed ? "wrote" : "unchanged")} {file.Path}");
            }
            foreach (var removed in result.Removed) console.Error.WriteLine($"systemd: removed {removed}");
            foreach (var skipped in result.Skipped) console.Error.WriteLine($"warning: {TerminalText.EscapeLine(skipped)}");
            return result;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: the renew units (acme-NAME.service and .timer) were not written: {TerminalText.EscapeLine(e.Message)}");
            return null;
        }
    }

    /// <summary>When unit files changed, the service manager reads them and starts the changed timers (systemd only).</summary>
    private async Task<bool> ApplyUnitsAsync(IServiceManager services, Acme.HostConfig.UnitWriteResult units, CancellationToken ct)
    {
        var changed = units.Files.Where(f => f.Changed).Select(f => f.Path).ToList();
        if (changed.Count == 0 && units.Removed.Count == 0) return true;
        static bool IsUnit(string name) => name.EndsWith(".timer", StringComparison.Ordinal) || name.EndsWith(".service", StringComparison.Ordinal);
        try
        {
            await services.ApplyUnitsAsync(
                [.. changed.Select(Path.GetFileName).OfType<string>().Where(n => n.EndsWith(".timer", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)],
                [.. units.Removed.Select(Path.GetFileName).OfType<string>().Where(IsUnit).Distinct(StringComparer.Ordinal)], ct).ConfigureAwait(false);
            return true;
        }
        catch (ServiceManagerException e)
        {
            console.Error.WriteLine($"error: the units were written, but {services.Description} could not load them: {TerminalText.EscapeLine(e.Message)}");
            return false;
        }
    }

    /// <summary>One live line per certificate on a terminal; one sentence per event in a log, CI or a pipe.</summary>
    private RebuildProgressView ProgressView(bool reloads, bool dryRun) => CliConsole.IsLiveTerminal(console.Error)
        ? new LiveProgressView(console.Error, TimeProvider.System, Console.WindowWidth, reloads, dryRun, refresh: TimeSpan.FromMilliseconds(200))
        : new PlainProgressWriter(console.Error, TimeProvider.System, reloads, dryRun);
}
