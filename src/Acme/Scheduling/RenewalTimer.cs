namespace ConfigLang.Acme.Scheduling;

/// <summary>
/// The renewal timer NixOS generates per certificate (<c>acme-renew-&lt;name&gt;.timer</c>, fact
/// sheet §2.6): <c>OnCalendar=renewInterval</c>, <c>Persistent=yes</c>,
/// <c>AccuracySec=86400/numberOfCerts</c> s, <c>RandomizedDelaySec=24h</c> with
/// <c>FixedRandomDelay=true</c> (Let's Encrypt asks clients to spread renewals over the day).
/// </summary>
public sealed record RenewalTimer
{
    /// <summary>NixOS's <c>RandomizedDelaySec</c> for ACME timers.</summary>
    public static readonly TimeSpan DefaultRandomizedDelay = TimeSpan.FromHours(24);

    /// <summary>The <c>OnCalendar=</c> expression as configured.</summary>
    public required string OnCalendar { get; init; }

    /// <summary>The parsed expression; null when <see cref="OnCalendar"/> is not valid.</summary>
    public CalendarSpec? Schedule { get; init; }

    /// <summary>Why <see cref="OnCalendar"/> is not valid; null when it is.</summary>
    public string? ScheduleError { get; init; }

    /// <summary>Catch up on a missed elapse after downtime.</summary>
    public bool Persistent { get; init; } = true;

    /// <summary>How far systemd may move the elapse to batch wake-ups.</summary>
    public TimeSpan Accuracy { get; init; } = TimeSpan.FromDays(1);

    /// <summary>The upper bound of the random delay added to every elapse.</summary>
    public TimeSpan RandomizedDelay { get; init; } = DefaultRandomizedDelay;

    /// <summary>The random delay is fixed per timer (stable across reboots) instead of drawn anew.</summary>
    public bool FixedRandomDelay { get; init; } = true;

    /// <summary>The timer NixOS would write for <paramref name="onCalendar"/> on a host with <paramref name="certificateCount"/> certificates.</summary>
    public static RenewalTimer For(string onCalendar, int certificateCount)
    {
        CalendarSpec.TryParse(onCalendar, out var schedule, out var error);
        return new RenewalTimer
        {
            OnCalendar = onCalendar,
            Schedule = schedule,
            ScheduleError = error,
            // AccuracySec = 86400 / numberOfCerts, integer division, in seconds.
            Accuracy = TimeSpan.FromSeconds(86400 / Math.Max(1, certificateCount)),
        };
    }

    /// <summary>The next elapse strictly after <paramref name="after"/>, before any random delay.</summary>
    public DateTimeOffset? NextElapse(DateTimeOffset after, TimeZoneInfo hostZone) => Schedule?.NextElapse(after, hostZone);
}
