namespace ConfigLang.Acme.HostConfig;

/// <summary>
/// What the renew service and timer need: the command the timer runs (program and arguments,
/// e.g. <c>/usr/bin/configlang renew /etc/configlang/host.nix</c>), the distinct
/// <c>renewInterval</c> values of the certificates, and how many certificates there are
/// (NixOS spreads the timer with <c>AccuracySec = 86400 / count</c>).
/// </summary>
public sealed record RenewTimerSettings
{
    /// <summary>Program then arguments of <c>ExecStart=</c>.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Calendar expressions (<c>OnCalendar=</c>, one line each, duplicates dropped).</summary>
    public required IReadOnlyList<string> Calendars { get; init; }

    /// <summary>The number of certificates (at least 1 for the division).</summary>
    public required int CertificateCount { get; init; }
}
