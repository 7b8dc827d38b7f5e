using ConfigLang.Acme.Client;
using ConfigLang.Acme.Execution;

namespace ConfigLang.Cli.Rendering.Rebuild;

/// <summary>
/// Turns the executor's progress events (<see cref="RebuildProgress"/>, with the orderer's
/// <see cref="OrderProgress"/> inside) into words for people. Errors are not repeated here: the
/// command reports each failure once, with its message and where the certificate is declared.
/// </summary>
public static class ProgressNarration
{
    /// <param name="progress">The executor's event.</param>
    /// <param name="reloads">False under <c>--service-manager none</c>: nothing is really reloaded.</param>
    /// <param name="dryRun">A dry run skips every order; otherwise only renew skips one (a reissue).</param>
    public static ProgressEvent? Describe(RebuildProgress progress, bool reloads = true, bool dryRun = false)
    {
        if (progress.Order is { } order) return Describe(progress.Certificate, order);
        var detail = progress.Detail;
        return progress.Step switch
        {
            "removed" => new(null, $"removed {detail}, left over from an interrupted run", ProgressState.Note),
            "repaired" => new(null, $"repaired {detail}", ProgressState.Note),
            "wrong" => new(null, $"would repair {detail}", ProgressState.Note),
            "reload" => new(null, reloads ? $"reloading {detail}" : $"would reload {detail} (--service-manager none reloads nothing)", ProgressState.Note),
            "placeholder" => new(progress.Certificate, "self-signed placeholder installed", ProgressState.Working),
            "issue" or "renew" or "reissue" => new(progress.Certificate, $"ordering ({progress.Step}: {detail})", ProgressState.Working, Starts: true),
            "installed" => new(progress.Certificate, detail is null ? "installed" : $"installed, {detail}", ProgressState.Done),
            // A host in a cluster (security.acme.cluster): the lock, then the stored certificate or an order.
            "cluster lock" => new(progress.Certificate, "waiting for the certificate's lock in the cluster", ProgressState.Working, Starts: true),
            "cluster copy unused" => new(progress.Certificate, $"the cluster's copy is not used ({detail}); ordering instead", ProgressState.Working),
            "installed from cluster" => new(progress.Certificate, $"installed from the cluster, {detail}", ProgressState.Done),
            "stored in cluster" => new(progress.Certificate, "stored in the cluster for the other hosts", ProgressState.Working),
            "account key kept aside" => new(null, $"this host's ACME account key is not the cluster's: the cluster's is used (one account for the fleet), this host's is kept as {detail}", ProgressState.Note),
            // The message follows once, in the error report after the run.
            "failed" => new(progress.Certificate, "failed", ProgressState.Failed),
            "postRun" => new(progress.Certificate, "running postRun", ProgressState.Working),
            "postRun pending" => new(progress.Certificate, $"postRun is still pending: it {detail}", ProgressState.Working),
            _ when progress.Step.StartsWith("would ", StringComparison.Ordinal) => new(progress.Certificate, dryRun
                ? $"skipped, dry run: {progress.Step} ({detail})"
                : $"skipped: renew does not {progress.Step["would ".Length..]}, rebuild does ({detail})", ProgressState.Skipped),
            _ => new(progress.Certificate, detail is null ? progress.Step : $"{progress.Step}: {detail}", ProgressState.Working),
        };
    }

    private static ProgressEvent? Describe(string certificate, OrderProgress order)
    {
        var name = order.Identifier;
        var text = order.Stage switch
        {
            OrderStage.Started or OrderStage.OrderCreated => "ordering",
            OrderStage.AuthorizationReused => $"the CA already trusts {name}, no challenge needed",
            OrderStage.ChallengePresented => $"answering {order.Detail} challenge for {name}",
            OrderStage.ChallengeSubmitted => $"waiting for the CA to validate {name}",
            OrderStage.ChallengeValid => $"the CA validated {name}",
            OrderStage.ChallengeCleanedUp when order.Detail?.StartsWith("cleanup failed: ", StringComparison.Ordinal) == true =>
                $"could not remove the challenge for {name} ({order.Detail["cleanup failed: ".Length..]}); the certificate is not affected",
            OrderStage.ChallengeCleanedUp => $"removed the challenge for {name}",
            OrderStage.Finalizing => "asking the CA to issue the certificate",
            OrderStage.Downloading => "downloading the certificate",
            OrderStage.Completed => "installing",
            // The executor's own "failed" event follows; the message is reported once, after the run.
            _ => null,
        };
        return text is null ? null : new ProgressEvent(certificate, text, ProgressState.Working);
    }
}
