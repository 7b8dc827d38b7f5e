namespace ConfigLang.Acme.Protocol;

/// <summary>Tuning of <see cref="AcmeClient"/>: retries, polling and time limits.</summary>
public sealed class AcmeClientOptions
{
    /// <summary>
    /// badNonce answers retried in a row for one request, each with the nonce from the error.
    /// With a server rejecting half of all nonces, 40 in a row happens once in 10^12 requests.
    /// </summary>
    public int MaxBadNonceRetries { get; init; } = 40;

    /// <summary>First wait when polling without Retry-After (lego waits 5 s here).</summary>
    public TimeSpan InitialPollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Polling backs off by this factor after each try.</summary>
    public double PollBackoffFactor { get; init; } = 1.5;

    /// <summary>Longest wait between two polls without Retry-After.</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long an authorization may stay pending after the challenge was answered.</summary>
    public TimeSpan ValidationTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>How long an order may stay pending/processing before and after finalize.</summary>
    public TimeSpan OrderTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Connect and response limit of each request, for the client's own HttpClient.</summary>
    public TimeSpan RequestTimeout { get; init; } = NetworkTimeout.Default;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
