namespace ConfigLang.Acme.Execution;

/// <summary>
/// Reloads through systemd exactly as NixOS's order/renew unit does:
/// <c>systemctl --no-block try-reload-or-restart UNITS</c> (no-block: a unit waiting for this
/// certificate must not deadlock the rebuild); after the rebuild wrote units, reloads the
/// manager and starts the timers (<see cref="ApplyUnitsAsync"/>).
/// </summary>
public sealed class SystemdServiceManager(string systemctl = "systemctl") : IServiceManager
{
    /// <inheritdoc/>
    public string Description => "systemd";

    /// <inheritdoc/>
    public Task ReloadAsync(IReadOnlyList<string> units, CancellationToken cancellationToken)
    {
        if (units.Count == 0) return Task.CompletedTask;
        return ProcessRunner.RunCheckedAsync(systemctl, ["--no-block", "try-reload-or-restart", .. units], null, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks><c>stop</c> first (a removed unit is still loaded until the reload), then
    /// <c>daemon-reload</c>, then <c>--no-block start</c> so a timer's first run never holds up the rebuild.</remarks>
    public async Task ApplyUnitsAsync(IReadOnlyList<string> timers, IReadOnlyList<string> removedUnits, CancellationToken cancellationToken)
    {
        if (removedUnits.Count > 0) await ProcessRunner.RunCheckedAsync(systemctl, ["stop", .. removedUnits], null, cancellationToken).ConfigureAwait(false);
        await ProcessRunner.RunCheckedAsync(systemctl, ["daemon-reload"], null, cancellationToken).ConfigureAwait(false);
        if (timers.Count > 0) await ProcessRunner.RunCheckedAsync(systemctl, ["--no-block", "start", .. timers], null, cancellationToken).ConfigureAwait(false);
    }
}
