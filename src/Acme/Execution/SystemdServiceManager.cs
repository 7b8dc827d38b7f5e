namespace ConfigLang.Acme.Execution;

/// <summary>
/// Reloads through systemd exactly as NixOS's order/renew unit does:
/// <c>systemctl --no-block try-reload-or-restart UNITS</c> (no-block: a unit waiting for this
/// certificate must not deadlock the rebuild).
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
}
