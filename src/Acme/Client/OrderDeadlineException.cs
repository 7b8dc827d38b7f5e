using ConfigLang.Acme.Protocol;

namespace ConfigLang.Acme.Client;

/// <summary>
/// One certificate's order ran past its whole-order limit (<see cref="CertificateOrderer.Deadline"/>
/// plus the waits its solver declares, <see cref="CertificateOrderer.DeadlineFor"/>) and was
/// stopped: each step was bounded, but a server answering slowly at every step could otherwise
/// hold a rebuild for hours. Nothing of the order is installed; its challenges are cleaned up.
/// </summary>
public sealed class OrderDeadlineException : AcmeException
{
    public OrderDeadlineException(string certificate, TimeSpan limit, string step, Exception inner)
        : base($"the order for {certificate} was stopped after {Format(limit)} (the limit on one whole order), while {step}: nothing installed", inner)
    {
        Limit = limit;
        Step = step;
    }

    public TimeSpan Limit { get; }

    /// <summary>What the order was waiting for when it was stopped.</summary>
    public string Step { get; }

    /// <summary>"30 min" for whole minutes, else seconds as the network limits are named ("2 s", "0.5 s").</summary>
    private static string Format(TimeSpan limit) =>
        limit.Ticks % TimeSpan.TicksPerMinute == 0 && limit > TimeSpan.Zero
            ? ((long)limit.TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture) + " min"
            : NetworkTimeout.Format(limit);
}
