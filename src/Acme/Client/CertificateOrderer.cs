using System.Security.Cryptography.X509Certificates;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Crypto;
using ConfigLang.Acme.Protocol;
using ConfigLang.Acme.Protocol.Resources;
using ConfigLang.Acme.Model;

namespace ConfigLang.Acme.Client;

/// <summary>
/// Obtains certificates end to end: order, solve every authorization (all in parallel, or one at a
/// time for a solver that asks so, cleaning up each challenge whatever happens), finalize with a fresh key's CSR, download the chains and
/// pick the preferred one. The key is generated while validation runs, so slow RSA keys cost
/// little. <see cref="ObtainAllAsync"/> runs several orders with a concurrency limit
/// (NixOS <c>maxConcurrentRenewals</c>).
/// </summary>
public sealed class CertificateOrderer
{
    private readonly AcmeClient _client;
    private readonly AcmeAccount _account;

    public CertificateOrderer(AcmeClient client, AcmeAccount account)
    {
        _client = client;
        _account = account;
    }

    /// <summary>
    /// The default of <see cref="Deadline"/>: far above what a real order spends on its requests;
    /// the waits a solver declares (DNS propagation) come on top, see <see cref="DeadlineFor"/>.
    /// </summary>
    public static TimeSpan DefaultDeadline { get; } = TimeSpan.FromMinutes(30);

    /// <summary>The most any order is given, whatever waits its solver declares (and below what a timer accepts).</summary>
    internal static TimeSpan MaxDeadline { get; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The limit on one whole order's requests, from its first to the downloaded chain, before the
    /// solver's own waits are added. Each request and poll has its own bound, but their product (41
    /// badNonce answers at 30 s each, in each step) does not; this one does. Shorter in tests.
    /// </summary>
    internal TimeSpan Deadline { get; init; } = DefaultDeadline;

    /// <summary>
    /// The limit on one whole order: <see cref="Deadline"/> plus what <paramref name="solver"/> may
    /// legitimately wait (its presentation wait, and its sequence interval, once per name when it
    /// presents one name at a time, else once: the names are presented together). So a propagation
    /// timeout (Namecheap's hour) is never cut short by the order's.
    /// </summary>
    internal TimeSpan DeadlineFor(IChallengeSolver solver, int nameCount)
    {
        var waits = solver.OneAtATime ? Math.Max(1, nameCount) : 1;
        var perWait = solver.PresentationWait + (solver.OneAtATime ? solver.SequenceInterval : TimeSpan.Zero);
        // In seconds as a double: a huge declared timeout saturates at the cap instead of overflowing.
        var seconds = Deadline.TotalSeconds + waits * Math.Max(0, perWait.TotalSeconds);
        return seconds >= MaxDeadline.TotalSeconds ? MaxDeadline : TimeSpan.FromSeconds(seconds);
    }

    public async Task<IssuedCertificate> ObtainAsync(CertificateOrderRequest request, IChallengeSolver solver, IProgress<OrderProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (request.Names.Count == 0) throw new ArgumentException("a certificate needs at least one name", nameof(request));
        if (_account.Location is null)
            throw new InvalidOperationException("the account is not registered: call AcmeClient.RegisterAccountAsync first");
        var label = request.DisplayName;
        void Report(OrderStage stage, string? identifier = null, string? detail = null) => progress?.Report(new OrderProgress(label, stage, identifier, detail));

        Report(OrderStage.Started, detail: string.Join(", ", request.Names));
        // Wall-clock time, not the client's TimeProvider: tests' clocks fire timers at once.
        var limit = DeadlineFor(solver, request.Names.Count);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        var within = deadline.Token;
        var steps = new OrderSteps();
        void Step(string what) => steps.Set(OrderSteps.OrderLane, what);
        // Key generation (seconds for rsa8192) overlaps the validation round trips.
        var keyTask = Task.Run(() => CertificateKey.Generate(request.KeyType), within);
        var doneWaiting = false;
        try
        {
            Step("waiting for the server to create the order");
            var order = await _client.NewOrderAsync(_account, request.Names.Select(AcmeIdentifier.For), request.Profile, request.Replaces, within).ConfigureAwait(false);
            var orderUrl = order.Location!;
            Report(OrderStage.OrderCreated, detail: orderUrl.AbsoluteUri);

            var ordered = new OrderedNames(request.Names);
            ordered.CheckAuthorizationCount(order);
            if (order.Status == "pending")
            {
                steps.Done(OrderSteps.OrderLane);
                if (solver.OneAtATime)
                    await AuthorizeInTurnAsync(order.Authorizations, ordered, solver, Report, steps, within).ConfigureAwait(false);
                else
                    await AuthorizeTogetherAsync(order.Authorizations, ordered, solver, Report, steps, within).ConfigureAwait(false);
                Step($"waiting for the order {orderUrl} to become ready");
                order = await _client.WaitForOrderAsync(_account, orderUrl, within).ConfigureAwait(false);
            }
            if (order.Status != "ready" && order.Status != "valid")
                throw OrderFailed(order, $"order for {string.Join(", ", request.Names)} is {ServerText.Quote(order.Status, ServerText.FieldLength)} after validation");

            Step("generating the certificate's key");
            using var key = await keyTask.WaitAsync(within).ConfigureAwait(false);
            if (order.Status == "ready")
            {
                Report(OrderStage.Finalizing, detail: KeyTypes.Format(request.KeyType));
                var csr = CsrBuilder.Build(key, request.Names, request.OcspMustStaple);
                Step($"waiting for the server to accept the CSR at {order.Finalize}");
                order = await _client.FinalizeAsync(_account, order, csr, within).ConfigureAwait(false);
                Step($"waiting for the order {orderUrl} to be issued");
                if (order.Status is "processing" or "ready" or "pending")
                    order = await _client.WaitForOrderAsync(_account, orderUrl, within).ConfigureAwait(false);
            }
            if (order.Status != "valid" || order.Certificate is null)
                throw OrderFailed(order, $"order for {string.Join(", ", request.Names)} is {ServerText.Quote(order.Status, ServerText.FieldLength)} after finalize");

            Report(OrderStage.Downloading, detail: order.Certificate.AbsoluteUri);
            Step($"downloading the certificate from {order.Certificate}");
            var chains = await _client.DownloadCertificateAsync(_account, order.Certificate, includeAlternates: request.PreferredChain is not null, within).ConfigureAwait(false);
            // From here on nothing waits: the checks and the result are made whatever the clock says.
            doneWaiting = true;
            var chosen = CertificateChain.Choose(chains, request.PreferredChain);
            IssuedCertificateCheck.Verify(chosen, key, request.Names);
            ChainLinkCheck.Verify(chosen);
            var leaf = chosen.Leaf;
            var issued = new IssuedCertificate(
                request.Names,
                key.ExportPem(),
                chosen.CertificatePem,
                chosen.ChainPem,
                chosen.FullChainPem,
                chosen.TopIssuerName,
                chains.Select(c => c.TopIssuerName).ToList(),
                new DateTimeOffset(leaf.NotBefore.ToUniversalTime(), TimeSpan.Zero),
                new DateTimeOffset(leaf.NotAfter.ToUniversalTime(), TimeSpan.Zero),
                leaf.SerialNumber,
                order.Certificate,
                orderUrl);
            Report(OrderStage.Completed, detail: $"valid until {issued.NotAfter:u}, chain to {issued.ChosenChainIssuer}");
            return issued;
        }
        catch (Exception e)
        {
            // Do not leave the key task unobserved.
            _ = keyTask.ContinueWith(t => { if (t.IsCompletedSuccessfully) t.Result.Dispose(); }, TaskScheduler.Default);
            // Only a cancellation is the deadline's doing: a real failure keeps its own name, even if the deadline fired meanwhile.
            if (e is OperationCanceledException && !doneWaiting && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                var stopped = new OrderDeadlineException(label, limit, steps.Describe(), e);
                Report(OrderStage.Failed, detail: stopped.Message);
                throw stopped;
            }
            Report(OrderStage.Failed, detail: e.Message);
            throw;
        }
    }

    /// <summary>
    /// Runs the orders with at most <paramref name="maxConcurrent"/> at a time. One failure does not
    /// stop the others; each outcome carries its certificate or its error. Cancellation stops all.
    /// </summary>
    public async Task<IReadOnlyList<OrderOutcome>> ObtainAllAsync(
        IReadOnlyList<(CertificateOrderRequest Request, IChallengeSolver Solver)> orders,
        int maxConcurrent,
        IProgress<OrderProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var outcomes = new OrderOutcome[orders.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxConcurrent), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, orders.Count), options, async (index, ct) =>
        {
            var (request, solver) = orders[index];
            try
            {
                outcomes[index] = new OrderOutcome(request, await ObtainAsync(request, solver, progress, ct).ConfigureAwait(false), null);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                outcomes[index] = new OrderOutcome(request, null, e);
            }
        }).ConfigureAwait(false);
        return outcomes;
    }

    /// <summary>
    /// All authorizations at once. The first real failure cancels the other lanes, so it surfaces at
    /// once instead of after a lane that waits (a DNS propagation) until the deadline; their
    /// challenges are still cleaned up.
    /// </summary>
    private async Task AuthorizeTogetherAsync(IReadOnlyList<Uri> authorizations, OrderedNames ordered, IChallengeSolver solver, Action<OrderStage, string?, string?> report,
        OrderSteps steps, CancellationToken cancellationToken)
    {
        using var lanes = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        async Task LaneAsync(Uri url)
        {
            try
            {
                await AuthorizeAsync(url, ordered, solver, report, steps, lanes.Token).ConfigureAwait(false);
            }
            catch when (!lanes.IsCancellationRequested)
            {
                // Not the lanes' cancellation (nor the deadline's): the order's real failure stops the others.
                await lanes.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }
        var all = Task.WhenAll(authorizations.Select(LaneAsync));
        try
        {
            await all.ConfigureAwait(false);
        }
        catch
        {
            // Await names the first lane in list order, perhaps one cancelled (relabelled as the
            // deadline); a real failure in any lane, even one racing the deadline, is the cause.
            if (all.Exception?.InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) is { } real)
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(real);
            throw;
        }
    }

    /// <summary>Each authorization presented, validated and cleaned up before the next one is presented.</summary>
    private async Task AuthorizeInTurnAsync(IReadOnlyList<Uri> authorizations, OrderedNames ordered, IChallengeSolver solver, Action<OrderStage, string?, string?> report,
        OrderSteps steps, CancellationToken cancellationToken)
    {
        for (var index = 0; index < authorizations.Count; index++)
        {
            if (index > 0 && solver.SequenceInterval > TimeSpan.Zero)
            {
                steps.Set(OrderSteps.OrderLane, $"waiting {NetworkTimeout.Format(solver.SequenceInterval)} before the next name ({solver.ChallengeType} one at a time)");
                await Task.Delay(solver.SequenceInterval, cancellationToken).ConfigureAwait(false);
                steps.Done(OrderSteps.OrderLane);
            }
            await AuthorizeAsync(authorizations[index], ordered, solver, report, steps, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AuthorizeAsync(Uri authorizationUrl, OrderedNames ordered, IChallengeSolver solver, Action<OrderStage, string?, string?> report,
        OrderSteps steps, CancellationToken cancellationToken)
    {
        var lane = authorizationUrl.AbsoluteUri;
        steps.Set(lane, $"fetching the authorization {authorizationUrl}");
        await AuthorizeStepsAsync(authorizationUrl, ordered, solver, report, step => steps.Set(lane, step), cancellationToken).ConfigureAwait(false);
        // Only once it passed: a lane stopped by the deadline keeps its step for the order's error,
        // and one that passed is not named even if the deadline fires during a later cleanup.
        steps.Done(lane);
    }

    private async Task AuthorizeStepsAsync(Uri authorizationUrl, OrderedNames ordered, IChallengeSolver solver, Action<OrderStage, string?, string?> report,
        Action<string> step, CancellationToken cancellationToken)
    {
        var authorization = await _client.GetAuthorizationAsync(_account, authorizationUrl, cancellationToken).ConfigureAwait(false);
        var name = authorization.OrderedName;
        // A valid authorization needs nothing presented; a CA may reuse one for a parent domain
        // (RFC 9444), so it is not held to the ordered names: the issued certificate's names are.
        if (authorization.Status == "valid")
        {
            report(OrderStage.AuthorizationReused, name, null);
            return;
        }
        if (authorization.Status != "pending")
            throw new ChallengeFailedException(name, solver.ChallengeType, authorization.Challenges.FirstOrDefault(c => c.Error is not null)?.Error);
        ordered.CheckAuthorization(authorization, authorizationUrl);

        var challenge = authorization.Challenges.FirstOrDefault(c => c.Type == solver.ChallengeType)
            ?? throw new AcmeException($"the server offers no {solver.ChallengeType} challenge for '{name}' (offered: {ServerText.Quote(string.Join(", ", authorization.Challenges.Select(c => c.Type)), ServerText.FieldLength)})"
                + (authorization.Wildcard && solver.ChallengeType != ChallengeTypes.Dns01 ? "; wildcard names need dns-01" : ""));
        var token = challenge.Token ?? throw new AcmeException($"{solver.ChallengeType} challenge for '{name}' has no token");
        var task = new ChallengeTask(name, authorization.Identifier.Value, token, _account.Key.KeyAuthorization(token));

        // Cleanup runs once presentation was attempted, even if it failed half-way (a written file, a created record).
        try
        {
            try
            {
                step(solver.ChallengeType == ChallengeTypes.Dns01
                    ? $"presenting dns-01 for '{name}' (setting the record and waiting for it to propagate)"
                    : $"presenting {solver.ChallengeType} for '{name}'");
                await solver.PresentAsync(task, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException and not ChallengeFailedException)
            {
                throw new AcmeException($"cannot set up {solver.ChallengeType} for '{name}': {e.Message}", e is AcmeException ? null : e);
            }
            report(OrderStage.ChallengePresented, name, solver.ChallengeType);
            step($"waiting for the server to accept the {solver.ChallengeType} answer for '{name}'");
            if (challenge.Status is "pending")
                await _client.RespondToChallengeAsync(_account, challenge, cancellationToken).ConfigureAwait(false);
            report(OrderStage.ChallengeSubmitted, name, solver.ChallengeType);
            step($"waiting for the server to validate '{name}'");
            var result = await _client.WaitForAuthorizationAsync(_account, authorizationUrl, cancellationToken).ConfigureAwait(false);
            if (result.Status != "valid")
            {
                var failed = result.Challenges.FirstOrDefault(c => c.Type == solver.ChallengeType) ?? result.Challenges.FirstOrDefault(c => c.Error is not null);
                throw new ChallengeFailedException(name, solver.ChallengeType, failed?.Error);
            }
            report(OrderStage.ChallengeValid, name, solver.ChallengeType);
        }
        finally
        {
            try
            {
                await solver.CleanupAsync(task, CancellationToken.None).ConfigureAwait(false);
                report(OrderStage.ChallengeCleanedUp, name, solver.ChallengeType);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed cleanup must not hide the order's own outcome.
                report(OrderStage.ChallengeCleanedUp, name, "cleanup failed: " + e.Message);
            }
        }
    }

    private static AcmeException OrderFailed(AcmeOrder order, string what) =>
        order.Error is { } problem ? new AcmeException(what + ": " + AcmeProblemException.Describe(problem)) : new AcmeException(what);

    /// <summary>Parses a PEM certificate (for revocation and ARI of stored certificates).</summary>
    public static X509Certificate2 ParseCertificate(string pem) => X509Certificate2.CreateFromPem(pem);
}
