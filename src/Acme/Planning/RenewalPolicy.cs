using ConfigLang.Acme.Model;
using ConfigLang.Acme.Scheduling;

namespace ConfigLang.Acme.Planning;

/// <summary>
/// When a certificate is renewed, as NixOS does it: lego's <c>renew --days validMinDays</c> renews
/// when the whole days left, <c>floor((notAfter − now) / 86400 s)</c>, are at most
/// <see cref="ValidMinDays"/>; the CA may ask for earlier renewal through ARI; and the check runs
/// when the <see cref="Timer"/> elapses.
/// </summary>
public sealed record RenewalPolicy(int ValidMinDays, RenewalTimer Timer)
{
    /// <summary>The policy of <paramref name="request"/> on a host with <paramref name="certificateCount"/> certificates.</summary>
    public static RenewalPolicy For(CertificateRequest request, int certificateCount) =>
        new(request.ValidMinDays, RenewalTimer.For(request.RenewInterval, certificateCount));

    /// <summary>Whole days left before <paramref name="notAfter"/>, rounded down (negative once expired).</summary>
    public static long WholeDaysLeft(DateTimeOffset notAfter, DateTimeOffset now) =>
        (long)Math.Floor((notAfter - now).TotalSeconds / 86400);

    /// <summary>True when lego's <c>--days</c> rule renews a certificate ending at <paramref name="notAfter"/>.</summary>
    public bool IsDue(DateTimeOffset notAfter, DateTimeOffset now) => WholeDaysLeft(notAfter, now) <= ValidMinDays;

    /// <summary>
    /// The first instant at which <see cref="IsDue"/> holds: once fewer than
    /// <c>validMinDays + 1</c> whole days remain.
    /// </summary>
    public DateTimeOffset DueFrom(DateTimeOffset notAfter)
    {
        var days = ValidMinDays + 1L;
        if (days > notAfter.UtcTicks / TimeSpan.TicksPerDay) return DateTimeOffset.MinValue;
        var ticks = notAfter.UtcTicks - days * TimeSpan.TicksPerDay + 1;
        return ticks >= DateTimeOffset.MaxValue.UtcTicks ? DateTimeOffset.MaxValue : new DateTimeOffset(ticks, TimeSpan.Zero);
    }
}
