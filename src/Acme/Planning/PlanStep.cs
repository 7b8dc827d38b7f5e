using ConfigLang.Acme.Model;

namespace ConfigLang.Acme.Planning;

/// <summary>
/// The decision for one certificate: the <see cref="Action"/>, a human <see cref="Reason"/>
/// ("no certificate on disk", "expires in 12 days, within validMinDays (30)", …), and the
/// dates behind it.
/// </summary>
public sealed record PlanStep
{
    /// <summary>The wanted certificate.</summary>
    public required CertificateRequest Request { get; init; }

    /// <summary>What to do.</summary>
    public required PlanAction Action { get; init; }

    /// <summary>Why, in one phrase.</summary>
    public required string Reason { get; init; }

    /// <summary>What was on disk, if anything.</summary>
    public ObservedCertificate? Observed { get; init; }

    /// <summary>The renewal rule and timer of this certificate.</summary>
    public required RenewalPolicy Policy { get; init; }

    /// <summary>When the served CA-issued certificate ends; null when there is none (absent, unusable, or the placeholder).</summary>
    public DateTimeOffset? NotAfter { get; init; }

    /// <summary>When a kept certificate becomes due for renewal (the earlier of the validMinDays rule and an ARI window).</summary>
    public DateTimeOffset? RenewalDue { get; init; }

    /// <summary>The next elapse of the renewal timer; null when renewInterval is invalid or never elapses.</summary>
    public DateTimeOffset? NextCheck { get; init; }

    /// <summary>The latest the timer may actually fire for that elapse (plus its randomized delay).</summary>
    public DateTimeOffset? NextCheckLatest => NextCheck + Policy.Timer.RandomizedDelay;

    /// <summary>The certificate name.</summary>
    public string Name => Request.Name;
}
