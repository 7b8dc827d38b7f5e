namespace ConfigLang.Acme.Execution;

/// <summary>
/// Reloads the services that read a certificate after it changed (NixOS <c>reloadServices</c>):
/// systemd, nothing, or a command of the user's (tests, non-systemd hosts).
/// </summary>
public interface IServiceManager
{
    /// <summary>A short description for progress lines, e.g. <c>systemd</c>.</summary>
    string Description { get; }

    /// <summary>Reloads (or restarts) <paramref name="units"/>; throws <see cref="ServiceManagerException"/> on failure.</summary>
    Task ReloadAsync(IReadOnlyList<string> units, CancellationToken cancellationToken);

    /// <summary>
    /// After the rebuild wrote unit files: stops <paramref name="removedUnits"/>, has the manager
    /// read the files again and starts <paramref name="timers"/> (NixOS's switch-to-configuration
    /// does the same). Only a manager that runs the units does anything: none and exec: do not.
    /// </summary>
    Task ApplyUnitsAsync(IReadOnlyList<string> timers, IReadOnlyList<string> removedUnits, CancellationToken cancellationToken) => Task.CompletedTask;
}
