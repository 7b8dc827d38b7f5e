namespace ConfigLang.Acme.Execution;

/// <summary>Reloads nothing (hosts where services are managed elsewhere).</summary>
public sealed class NoServiceManager : IServiceManager
{
    /// <inheritdoc/>
    public string Description => "none";

    /// <inheritdoc/>
    public Task ReloadAsync(IReadOnlyList<string> units, CancellationToken cancellationToken) => Task.CompletedTask;
}
