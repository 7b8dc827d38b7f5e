namespace ConfigLang.Acme.Execution;

/// <summary>Another rebuild or renew holds the lock; nothing was done.</summary>
public sealed class RebuildLockedException(string lockPath)
    : Exception($"another configlang rebuild or renew is running (lock {lockPath} is held); try again when it has finished")
{
    /// <summary>The lock file that is held.</summary>
    public string LockPath { get; } = lockPath;
}
