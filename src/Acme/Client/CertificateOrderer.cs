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

    public async Task<IssuedCertificate> ObtainAsync(CertificateOrderRequest request, IChallengeSolver solver, IProgress<OrderProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (request.Names.Count == 0) throw new ArgumentException("a certificate needs at least one name", nameof(request));
        if (_account.Location is null)
            throw new InvalidOperationException("the account is not registered: call AcmeClient.RegisterAccountAsync first");
        var label = request.DisplayName;
        void Report(OrderStage stage, string? identifier = null, string? detail = null) => progress?.Report(new OrderProgress(label, stage, identifier, detail));

        Report(OrderStage.Started, detail: string.Join(", ", request.Names));
        // Key generation (seconds for rsa8192) overlaps the validation round trips.
        var keyTask = Task.Run(() => CertificateKey.Generate(request.KeyType), cancellationToken);
        try
        {
            var order = await _client.NewOrderAsync(_account, request.Names.Select(AcmeIdentifier.For), request.Profile, request.Replaces, cancellationToken).ConfigureAwait(false);
            var orderUrl = order.Location!;
            Report(OrderStage.OrderCreated, detail: orderUrl.AbsoluteUri);

            var ordered = new OrderedNames(request.Names);
            ordered.CheckAuthorizationCount(order);
            if (order.Status == "pending")
            {
                if (solver.OneAtATime)
                    await AuthorizeInTurnAsync(order.Authorizations, ordered, solver, Report, cancellationToken).ConfigureAwait(false);
                else
                    await Task.WhenAll(order.Authorizations.Select(url => AuthorizeAsync(url, ordered, solver, Report, cancellationToken))).ConfigureAwait(false);
                order = await _client.WaitForOrderAsync(_account, orderUrl, cancellationToken).ConfigureAwait(false);
            }
            if (order.Status != "ready" && order.Status != "valid")
                throw OrderFailed(order, $"order for {string.Join(", ", request.Names)} is {ServerText.Quote(order.Status, ServerText.FieldLength)} after validation");

            using var key = await keyTask.ConfigureAwait(false);
            if (order.Status == "ready")
            {
                Report(OrderStage.Finalizing, detail: KeyTypes.Format(request.KeyType));
                var csr = CsrBuilder.Build(key, request.Names, request.OcspMustStaple);
                order = await _client.FinalizeAsync(_account, order, csr, cancellationToken).ConfigureAwait(false);
                if (order.Status is "processing" or "ready" or "pending")
                    order = await _client.WaitForOrderAsync(_account, orderUrl, cancellationToken).ConfigureAwait(false);
            }
            if (order.Status != "valid" || order.Certificate is null)
                throw OrderFailed(order, $"order for {string.Join(", ", request.Names)} is {ServerText.Quote(order.Status, ServerText.FieldLength)} after finalize");

            Report(OrderStage.Downloading, detail: order.Certificate.AbsoluteUri);
            var chains = await _client.DownloadCertificateAsync(_account, order.Certificate, includeAlternates: request.PreferredChain is not null, cancellationToken).ConfigureAwait(false);
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
            Report(OrderStage.Failed, detail: e.Message);
            // Do not leave the key task unobserved.
            _ = keyTask.ContinueWith(t => { if (t.IsCompletedSuccessfully) t.Result.Dispose(); }, TaskScheduler.Default);
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

    /// <summary>Each authorization presented, validated and cleaned up before the next one is presented.</summary>
    private async Task AuthorizeInTurnAsync(IReadOnlyList<Uri> authorizations, OrderedNames ordered, IChallengeSolver solver, Action<OrderStage, string?, string?> report,
        CancellationToken cancellationToken)
    {
        for (var index = 0; index < authorizations.Count; index++)
        {
            if (index > 0 && solver.SequenceInterval > TimeSpan.Zero)
                await Task.Delay(solver.SequenceInterval, cancellationToken).ConfigureAwait(false);
            await AuthorizeAsync(authorizations[index], ordered, solver, report, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AuthorizeAsync(Uri authorizationUrl, OrderedNames ordered, IChallengeSolver solver, Action<OrderStage, string?, string?> report, CancellationToken cancellationToken)
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
                await solver.PresentAsync(task, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException and not ChallengeFailedException)
            {
                throw new AcmeException($"cannot set up {solver.ChallengeType} for '{name}': {e.Message}", e is AcmeException ? null : e);
            }
            report(OrderStage.ChallengePresented, name, solver.ChallengeType);
            if (challenge.Status is "pending")
                await _client.RespondToChallengeAsync(_account, challenge, cancellationToken).ConfigureAwait(false);
            report(OrderStage.ChallengeSubmitted, name, solver.ChallengeType);
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
