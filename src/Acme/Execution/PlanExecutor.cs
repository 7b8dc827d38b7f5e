using ConfigLang.Acme.Client;
using ConfigLang.Acme.Cluster;
using ConfigLang.Acme.Crypto;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Model;
using ConfigLang.Acme.Planning;
using ConfigLang.Acme.Protocol;
using ConfigLang.Acme.Storage;

namespace ConfigLang.Acme.Execution;

/// <summary>
/// Runs <c>configlang rebuild</c> / <c>renew</c> after evaluation and checks, in NixOS's order:
/// plan (refusing a plan with errors before touching anything); create missing
/// users and groups; check and repair modes and owners; install a self-signed placeholder where
/// nothing usable is; reload the challenge-serving services; order what is due, at most
/// <see cref="RebuildOptions.Jobs"/> at once; install each new certificate atomically (the old one
/// stays until the new one is complete); run <c>postRun</c> and reload <c>reloadServices</c> only
/// for certificates that changed. One failing certificate never stops the others.
/// With a cluster the caller connected (<see cref="RebuildOptions.Cluster"/>) each certificate to order is first
/// looked up in the cluster under its lock: a usable stored one is installed instead of ordering,
/// and a new one is stored before it is installed, so a fleet orders each certificate once.
/// </summary>
public sealed class PlanExecutor
{
    private readonly string _root;
    private readonly TimeProvider _clock;
    private readonly Func<Uri, AcmeClient> _clientFactory;
    private readonly IServiceManager _services;
    private readonly DnsProviderRegistry _providers;

    /// <param name="root">Every host path is below it (<c>/</c> on a host).</param>
    /// <param name="clock">The current time for planning and placeholders.</param>
    /// <param name="clientFactory">Makes the ACME client for a directory URL (with the extra trusted CA of <c>--ca-file</c>).</param>
    /// <param name="services">Reloads services (systemd, none, exec:).</param>
    /// <param name="providers">DNS providers by lego name; default: the built-in ones.</param>
    public PlanExecutor(string root, TimeProvider clock, Func<Uri, AcmeClient> clientFactory, IServiceManager services, DnsProviderRegistry? providers = null)
    {
        _root = Path.GetFullPath(root);
        _clock = clock;
        _clientFactory = clientFactory;
        _services = services;
        _providers = providers ?? DnsProviderRegistry.CreateDefault();
    }

    /// <summary>A client factory trusting <paramref name="extraTrustedCa"/> (pebble's HTTPS CA) besides the system roots.</summary>
    public static Func<Uri, AcmeClient> ClientsTrusting(System.Security.Cryptography.X509Certificates.X509Certificate2? extraTrustedCa, AcmeClientOptions? options = null) =>
        url => new AcmeClient(url, extraTrustedCa, options);

    /// <summary>
    /// Runs the whole rebuild for <paramref name="requests"/>. Unless it is a dry run the caller holds
    /// <see cref="RebuildLock"/>: the lock has one owner, the caller, because it also covers what the
    /// caller writes before (generated configuration, units). Throws <see cref="UnsafePathException"/>
    /// when a symlink sits where the state directory, a certificate directory or file, the
    /// accounts or etc/passwd should be (a symlink met while installing fails that certificate only).
    /// </summary>
    public async Task<RebuildSummary> RunAsync(IReadOnlyList<CertificateRequest> requests, RebuildOptions options,
        IProgress<RebuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        // Requests that cannot be planned are refused before the lock file or anything else is touched.
        if (CertificatePlanner.Validate(requests) is { Count: > 0 } invalid)
        {
            return new RebuildSummary { Plan = new Plan(_clock.GetUtcNow(), [], invalid), Certificates = [], Result = RebuildResult.PlanRejected };
        }
        // The caller connected (and disposes) it; a dry run leaves the cluster alone, as it leaves the CA.
        var cluster = options.DryRun ? null : options.Cluster;
        if (!options.DryRun)
        {
            // Under the caller's lock no other run is mid-transaction: every temporary is a leftover of a killed one.
            foreach (var removed in LeftoverFiles.Remove(new RootedFileSystem(_root)))
            {
                progress?.Report(new RebuildProgress("(cleanup)", "removed", removed));
            }
        }

        var store = new CertificateStore(_root);
        var plan = new CertificatePlanner(_clock).CreatePlan(requests, store.Read);
        if (plan.HasErrors)
        {
            return new RebuildSummary
            {
                Plan = plan,
                Certificates = plan.Steps.Select(s => Outcome(s, CertificateOutcomeKind.Skipped)).ToArray(),
                Result = RebuildResult.PlanRejected,
            };
        }

        var accountChanges = options.DryRun ? [] : new SystemAccounts(_root).Ensure(options.Groups, options.Users);
        // Re-read the user database: the store resolves owners by name and they may just have been added.
        store = new CertificateStore(_root);
        var findings = new PermissionRepair(_root).Run(requests, fix: !options.DryRun);
        foreach (var finding in findings)
        {
            progress?.Report(new RebuildProgress("(permissions)", finding.Fixed ? "repaired" : "wrong", $"{finding.Path}: {finding.Problem}"));
        }

        var outcomes = new Dictionary<string, CertificateOutcome>(StringComparer.Ordinal);
        var placeholders = new HashSet<string>(StringComparer.Ordinal);
        var toOrder = new List<PlanStep>();
        foreach (var step in plan.Steps)
        {
            if (!options.DryRun && NeedsPlaceholder(store, step))
            {
                try
                {
                    store.InstallPlaceholder(step.Request, _clock.GetUtcNow(), options.PlaceholderValidity);
                    placeholders.Add(step.Name);
                    progress?.Report(new RebuildProgress(step.Name, "placeholder", "self-signed certificate installed"));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException
                                              or System.Security.Cryptography.CryptographicException)
                {
                    var placeholderFailure = Failed(step, e);
                    outcomes[step.Name] = placeholderFailure with { Error = placeholderFailure.Error! with { Message = "the self-signed placeholder could not be installed: " + placeholderFailure.Error.Message } };
                    continue;
                }
            }
            if (!step.Action.NeedsOrder())
            {
                outcomes[step.Name] = Outcome(step, CertificateOutcomeKind.Unchanged);
            }
            else if (options.DryRun || (options.Mode == RebuildMode.Renew && step.Action == PlanAction.Reissue))
            {
                outcomes[step.Name] = Outcome(step, CertificateOutcomeKind.Skipped);
                progress?.Report(new RebuildProgress(step.Name, "would " + step.Action.ToString().ToLowerInvariant(), step.Reason));
            }
            else
            {
                toOrder.Add(step);
            }
        }

        var otherErrors = new List<string>();
        if (toOrder.Count > 0 && options.ReloadBeforeOrders.Count > 0 && (placeholders.Count > 0 || options.ServiceConfigurationChanged))
        {
            try
            {
                await _services.ReloadAsync(options.ReloadBeforeOrders, cancellationToken).ConfigureAwait(false);
            }
            catch (ServiceManagerException e)
            {
                otherErrors.Add(e.Message);
            }
        }

        var keptAccountKeys = new List<string>();
        foreach (var outcome in await OrderAllAsync(store, toOrder, options, cluster, keptAccountKeys, progress, cancellationToken).ConfigureAwait(false))
        {
            outcomes[outcome.Name] = outcome with { PlaceholderInstalled = placeholders.Contains(outcome.Name) };
        }
        foreach (var name in placeholders.Where(n => !outcomes[n].PlaceholderInstalled))
        {
            outcomes[name] = outcomes[name] with { PlaceholderInstalled = true };
        }

        // postRun, then one reload of every unit of every changed certificate (NixOS does both per certificate;
        // reloading nginx once for ten new certificates is kinder and ends in the same state). A postRun
        // still pending from an earlier run (it failed, or the run died first) runs again, then its reloads.
        var reloads = new List<string>();
        foreach (var step in plan.Steps)
        {
            var outcome = outcomes[step.Name];
            bool retry;
            try { retry = !outcome.Changed && store.IsPostRunPending(step.Name); }
            catch (IOException e)
            {
                // A symlink where the certificate directory should be: reported, never followed.
                if (outcome.Error is null) outcomes[step.Name] = outcome with { Error = ExecutionError.From(e, step.Request.SourceTag) };
                continue;
            }
            if (!outcome.Changed && !retry) continue;
            if (retry && (options.DryRun || outcome.Error is not null))
            {
                // A dry run changes nothing; a failed order leaves it for the run that gets that far.
                progress?.Report(new RebuildProgress(step.Name, "postRun pending", options.DryRun ? "would run again" : "runs again on the next rebuild or renew"));
                continue;
            }
            outcome = await RunPostRunAsync(store, step, outcome, retry, progress, cancellationToken).ConfigureAwait(false);
            outcomes[step.Name] = outcome;
            if (retry && outcome.Error is not null) continue;
            foreach (var unit in step.Request.ReloadServices.Where(u => !reloads.Contains(u))) reloads.Add(unit);
        }
        if (reloads.Count > 0)
        {
            try
            {
                progress?.Report(new RebuildProgress("(services)", "reload", string.Join(" ", reloads)));
                await _services.ReloadAsync(reloads, cancellationToken).ConfigureAwait(false);
            }
            catch (ServiceManagerException e)
            {
                otherErrors.Add(e.Message);
            }
        }

        var sorted = plan.Steps.Select(s => outcomes[s.Name]).ToArray();
        var failed = otherErrors.Count > 0 || sorted.Any(o => o.Error is not null);
        return new RebuildSummary
        {
            Plan = plan,
            Certificates = sorted,
            PermissionFindings = findings,
            AccountChanges = accountChanges,
            KeptAccountKeys = keptAccountKeys,
            ReloadedServices = reloads,
            OtherErrors = otherErrors,
            Result = failed ? RebuildResult.Failed : RebuildResult.Succeeded,
        };
    }

    private static bool NeedsPlaceholder(CertificateStore store, PlanStep step)
    {
        if (store.HasSucceeded(step.Name)) return false;
        var observed = step.Observed;
        if (observed is null || !observed.IsUsable) return true;
        // Until the first success the placeholder follows the configured names (as NixOS's base unit does).
        return observed.IsPlaceholder && !observed.Domains.ToHashSet().SetEquals(step.Request.Domains);
    }

    /// <param name="keptAccountKeys">Receives where this host's own account keys were kept when the cluster's replaced them.</param>
    private async Task<IReadOnlyList<CertificateOutcome>> OrderAllAsync(CertificateStore store, List<PlanStep> steps, RebuildOptions options,
        ICertificateCluster? cluster, List<string> keptAccountKeys, IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        if (steps.Count == 0) return [];
        // Hosts of a fleet start at different places in the list, so they order different
        // certificates side by side instead of queueing on the same locks.
        if (cluster is not null) steps = [.. steps.OrderBy(_ => Random.Shared.Next())];
        var outcomes = new CertificateOutcome[steps.Count];
        var clients = new Dictionary<string, AcmeClient>(StringComparer.Ordinal);
        var accounts = new Dictionary<string, (AcmeAccount? Account, Exception? Error)>(StringComparer.Ordinal);
        await using var solvers = new SolverFactory(_providers, _root);
        try
        {
            // Accounts first and one at a time: several certificates of one account must not register it twice.
            foreach (var step in steps)
            {
                var spec = step.Request.Account;
                if (accounts.ContainsKey(spec.Hash)) continue;
                try
                {
                    var server = new Uri(spec.Server ?? CertificateRequest.DefaultServer);
                    if (!clients.TryGetValue(server.AbsoluteUri, out var client)) clients[server.AbsoluteUri] = client = _clientFactory(server);
                    accounts[spec.Hash] = (await OpenAccountAsync(client, spec, step.Request.Owner, cluster, keptAccountKeys, progress, cancellationToken).ConfigureAwait(false), null);
                }
                // A cancellation that is not the caller's (an HTTP client giving up) is this account's failure, not the run's.
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    accounts[spec.Hash] = (null, e);
                }
            }

            var parallel = new ParallelOptions
            {
                MaxDegreeOfParallelism = options.Jobs <= 0 ? -1 : options.Jobs,
                CancellationToken = cancellationToken,
            };
            await Parallel.ForEachAsync(Enumerable.Range(0, steps.Count), parallel, async (index, ct) =>
            {
                var step = steps[index];
                var (account, accountError) = accounts[step.Request.Account.Hash];
                if (account is null)
                {
                    outcomes[index] = Failed(step, accountError!);
                    return;
                }
                var client = clients[new Uri(step.Request.Account.Server ?? CertificateRequest.DefaultServer).AbsoluteUri];
                outcomes[index] = cluster is null
                    ? await OrderOneAsync(store, client, account, solvers, step, null, options.HostName, progress, ct).ConfigureAwait(false)
                    : await ObtainThroughClusterAsync(store, cluster, client, account, solvers, step, options.HostName, progress, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        finally
        {
            foreach (var (account, _) in accounts.Values) account?.Dispose();
            foreach (var client in clients.Values) client.Dispose();
        }
        return outcomes;
    }

    private async Task<AcmeAccount> OpenAccountAsync(AcmeClient client, AccountSpec spec, string owner, ICertificateCluster? cluster,
        List<string> keptAccountKeys, IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        var accounts = new AccountStore(_root, owner);
        var pem = accounts.ReadKey(spec);
        AcmeAccount account;
        if (cluster is not null)
        {
            account = await OpenSharedAccountAsync(accounts, spec, pem, cluster, keptAccountKeys, progress, cancellationToken).ConfigureAwait(false);
        }
        else if (pem is null)
        {
            account = AcmeAccount.Generate(spec.KeyType == KeyType.Ec384 ? AccountKeyAlgorithm.ES384 : AccountKeyAlgorithm.ES256);
            // The key is on disk before the CA ever sees it: a crash after registration must not lose the account.
            accounts.SaveKey(spec, account.Key.ExportPem());
        }
        else
        {
            account = ParseOwnKey(accounts, spec, pem, "to register a new account");
        }
        try
        {
            var registration = new AccountRegistration
            {
                TermsOfServiceAgreed = true,
                Contact = spec.Email is null ? [] : ["mailto:" + spec.Email],
            };
            await client.RegisterAccountAsync(account, registration, cancellationToken).ConfigureAwait(false);
            if (account.Location is { } location && accounts.ReadAccountUrl(spec) != location.AbsoluteUri)
            {
                accounts.SaveAccountUrl(spec, location.AbsoluteUri);
            }
            return account;
        }
        catch
        {
            account.Dispose();
            throw;
        }
    }

    /// <summary>
    /// One account for the whole fleet: the key the cluster holds wins; a cluster without one adopts
    /// this host's (or a new one), the first host to store it winning. A host that had its own
    /// before it joined keeps that key aside (<see cref="AccountStore.ReplaceKeyWithClusters"/>).
    /// </summary>
    private async Task<AcmeAccount> OpenSharedAccountAsync(AccountStore accounts, AccountSpec spec, string? pem, ICertificateCluster cluster,
        List<string> keptAccountKeys, IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        // Parsed before it is offered: a damaged key on this host must not become the fleet's.
        using var own = pem is null ? null : ParseOwnKey(accounts, spec, pem, "to use the cluster's account");
        var shared = await cluster.GetOrStoreAccountKeyAsync(spec, pem ?? ExportNew(spec), cancellationToken).ConfigureAwait(false);
        var account = AcmeAccount.FromPem(shared);
        try
        {
            if (own is null)
            {
                accounts.SaveKey(spec, shared);
            }
            // Compared as keys, not as text: the file on disk ends with a newline the stored PEM may lack.
            else if (own.Key.Thumbprint() != account.Key.Thumbprint())
            {
                var kept = accounts.ReplaceKeyWithClusters(spec, shared, _clock.GetUtcNow());
                keptAccountKeys.Add(kept);
                progress?.Report(new RebuildProgress("(account)", "account key kept aside", kept));
            }
            return account;
        }
        catch
        {
            account.Dispose();
            throw;
        }
    }

    /// <summary>This host's account key, or an error naming its file: the parser's own words name neither.</summary>
    private static AcmeAccount ParseOwnKey(AccountStore accounts, AccountSpec spec, string pem, string whatMovingItDoes)
    {
        try { return AcmeAccount.FromPem(pem); }
        catch (Exception e) when (e is ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidDataException(
                $"account key {accounts.KeyPathFor(spec)} is not a private key in PEM form; move it aside {whatMovingItDoes}");
        }
    }

    private static string ExportNew(AccountSpec spec)
    {
        using var generated = AcmeAccount.Generate(spec.KeyType == KeyType.Ec384 ? AccountKeyAlgorithm.ES384 : AccountKeyAlgorithm.ES256);
        return generated.Key.ExportPem();
    }

    /// <summary>
    /// One certificate of a fleet, under its cluster lock: installs the stored certificate when the
    /// planner would keep it (a host that waited for the lock finds the one just ordered), otherwise
    /// orders, stores and installs. The lock is released (its lease revoked) on every path.
    /// </summary>
    private async Task<CertificateOutcome> ObtainThroughClusterAsync(CertificateStore store, ICertificateCluster cluster, AcmeClient client, AcmeAccount account,
        SolverFactory solvers, PlanStep step, string hostName, IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        var request = step.Request;
        try
        {
            progress?.Report(new RebuildProgress(request.Name, "cluster lock"));
            await using var held = await cluster.LockAsync(request.Name, cancellationToken).ConfigureAwait(false);
            if (await held.ReadAsync(cancellationToken).ConfigureAwait(false) is { } stored)
            {
                var fit = StoredCertificateFit.Of(request, stored, _clock);
                if (fit.Usable)
                {
                    var installed = store.Install(request, stored.Material);
                    progress?.Report(new RebuildProgress(request.Name, "installed from cluster", $"stored by {stored.StoredBy}, {fit.Reason}"));
                    return Outcome(step, installed.CertificateChanged ? CertificateOutcomeKind.InstalledFromCluster : CertificateOutcomeKind.Unchanged)
                        with { NotAfter = fit.NotAfter, Reason = $"{step.Reason}; the cluster holds a usable one (stored by {stored.StoredBy})" };
                }
                progress?.Report(new RebuildProgress(request.Name, "cluster copy unused", fit.Reason));
            }
            return await OrderOneAsync(store, client, account, solvers, step, held, hostName, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            progress?.Report(new RebuildProgress(request.Name, "failed", e.Message));
            return Failed(step, e);
        }
    }

    /// <param name="held">With a cluster: the held lock the new certificate is stored under before it is installed here.</param>
    private static async Task<CertificateOutcome> OrderOneAsync(CertificateStore store, AcmeClient client, AcmeAccount account,
        SolverFactory solvers, PlanStep step, IClusterLock? held, string hostName, IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        var request = step.Request;
        progress?.Report(new RebuildProgress(request.Name, step.Action.ToString().ToLowerInvariant(), step.Reason));
        try
        {
            if (request.Csr is not null) throw new InvalidOperationException("ordering with an external CSR (csr/csrKey) is not supported");
            var solver = solvers.Create(request);
            var order = new CertificateOrderRequest
            {
                Names = request.Domains.Select(d => d.Value).ToArray(),
                Label = request.Name,
                KeyType = request.KeyType,
                OcspMustStaple = request.OcspMustStaple,
                Profile = request.Profile,
            };
            var orderProgress = progress is null ? null : new InlineProgress<OrderProgress>(p =>
                progress.Report(new RebuildProgress(request.Name, p.Stage.ToString(), p.Identifier is null ? p.Detail : p.Identifier + (p.Detail is null ? "" : " " + p.Detail), p)));
            var issued = await new CertificateOrderer(client, account).ObtainAsync(order, solver, orderProgress, cancellationToken).ConfigureAwait(false);
            var material = CertificateMaterial.FromAcme(issued.FullChainPem, issued.KeyPem);
            if (held is not null)
            {
                // Stored before it is installed here: the lock is released only once the others can find it.
                await held.StoreAsync(new SharedCertificate(material, order.Names, request.KeyType, issued.NotAfter, hostName), cancellationToken).ConfigureAwait(false);
                progress?.Report(new RebuildProgress(request.Name, "stored in cluster"));
            }
            var installed = store.Install(request, material);
            await RecordRenewalWindowAsync(store, client, request, issued, cancellationToken).ConfigureAwait(false);
            progress?.Report(new RebuildProgress(request.Name, "installed", installed.CertificateChanged ? $"valid until {issued.NotAfter:u}" : "identical to the installed certificate"));
            return Outcome(step, installed.CertificateChanged ? CertificateOutcomeKind.Installed : CertificateOutcomeKind.InstalledSame) with { NotAfter = issued.NotAfter };
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            progress?.Report(new RebuildProgress(request.Name, "failed", e.Message));
            return Failed(step, e);
        }
    }

    /// <summary>
    /// Asks the CA for its suggested renewal window (ARI, RFC 9773) and records it in the stamp, so
    /// the planner renews when the CA asks. Best effort: a CA without ARI or a failed request changes nothing.
    /// </summary>
    private static async Task RecordRenewalWindowAsync(CertificateStore store, AcmeClient client, CertificateRequest request,
        IssuedCertificate issued, CancellationToken cancellationToken)
    {
        try
        {
            using var leaf = CertificateOrderer.ParseCertificate(issued.CertificatePem);
            if (await client.GetRenewalInfoAsync(leaf, cancellationToken).ConfigureAwait(false) is { } info)
            {
                store.RecordRenewalWindow(request, new SuggestedRenewalWindow(info.SuggestedWindow.Start, info.SuggestedWindow.End));
            }
        }
        catch (Exception e) when (e is AcmeException or HttpRequestException or IOException or System.Security.Cryptography.CryptographicException)
        {
            // The certificate is installed; without a window the validMinDays rule decides.
        }
    }

    /// <summary>
    /// Runs postRun in the certificate directory with its stderr merged into stdout (so the tail
    /// shown on failure is in the order it was written); success clears the pending marker, failure
    /// leaves it for the next run and reports the exit status with the tail of the output.
    /// </summary>
    private static async Task<CertificateOutcome> RunPostRunAsync(CertificateStore store, PlanStep step, CertificateOutcome outcome, bool retry,
        IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        var script = step.Request.PostRun;
        try
        {
            if (string.IsNullOrWhiteSpace(script))
            {
                // Pending from a configuration that had a postRun: there is nothing left to run.
                store.ClearPostRunPending(step.Name);
                return outcome;
            }
            var directory = store.Layout.CertificateDirectory(step.Name);
            // The certificate's owner can put a symlink where its directory is, so postRun (root) does not
            // change into it by name: the child changes into /proc/self/fd/N before exec, while it still
            // holds this descriptor of the directory opened without following links.
            using var opened = store.FileSystem.TryOpenDirectory(StateLayout.HostCertificateDirectory(step.Name))
                               ?? throw new IOException($"{directory} does not exist");
            progress?.Report(new RebuildProgress(step.Name, "postRun", retry ? "running again: it has not succeeded since the certificate was installed" : directory));
            var (code, output) = await ProcessRunner.RunAsync("bash", ["-c", "exec bash -c \"$1\" 2>&1", "bash", script], $"/proc/self/fd/{opened.Descriptor}", cancellationToken)
                .ConfigureAwait(false);
            outcome = outcome with { PostRunOutput = output.Text, PostRunRetried = retry };
            if (code != 0)
            {
                return outcome with
                {
                    Error = new ExecutionError
                    {
                        Message = $"postRun exited with status {code}; it stays pending and runs again on the next rebuild or renew",
                        Output = output,
                        SourceTag = step.Request.SourceTag,
                    },
                };
            }
            // In the directory postRun ran in, whatever its name points at by now.
            opened.Delete(StateLayout.PostRunPendingMarker);
            return outcome;
        }
        catch (Exception e) when (e is ServiceManagerException or IOException or UnauthorizedAccessException)
        {
            // The pending marker stays: the next run tries again once the cause is fixed.
            return outcome with
            {
                Error = new ExecutionError
                {
                    Message = $"postRun did not run: {e.Message}; it stays pending and runs again on the next rebuild or renew",
                    SourceTag = step.Request.SourceTag,
                },
            };
        }
    }

    private static CertificateOutcome Outcome(PlanStep step, CertificateOutcomeKind kind) => new()
    {
        Name = step.Name,
        Action = step.Action,
        Reason = step.Reason,
        Kind = kind,
        SourceTag = step.Request.SourceTag,
    };

    private static CertificateOutcome Failed(PlanStep step, Exception error) =>
        Outcome(step, CertificateOutcomeKind.Failed) with { Error = ExecutionError.From(error, step.Request.SourceTag) };
}
