using System.Diagnostics;
using ConfigLang.Acme.Execution;
using ConfigLang.Acme.Tests.Storage;

namespace ConfigLang.Acme.Tests.Execution;

/// <summary>
/// A per-certificate renew waits for the lock, since after a boot every acme-NAME.timer fires at
/// once; a rebuild still fails at once. Two descriptors of the same file conflict under flock
/// even in one process, so one process shows both sides.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RebuildLockWaitTests
{
    [Fact]
    public async Task A_waiting_acquire_gets_the_lock_once_the_holder_releases_it()
    {
        using var root = new TempRoot(withUsers: false);
        var held = RebuildLock.Acquire(root.Path);
        var watch = Stopwatch.StartNew();

        var waiting = Task.Run(() => RebuildLock.Acquire(root.Path, TimeSpan.FromSeconds(30)));
        await Task.Delay(1500);
        Assert.False(waiting.IsCompleted);
        held.Dispose();
        using var acquired = await waiting;

        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.4), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void Waiting_ends_with_the_lock_error_after_the_wait_and_no_wait_fails_at_once()
    {
        using var root = new TempRoot(withUsers: false);
        using var held = RebuildLock.Acquire(root.Path);
        var watch = Stopwatch.StartNew();

        Assert.Throws<RebuildLockedException>(() => RebuildLock.Acquire(root.Path));
        var immediate = watch.Elapsed;
        Assert.Throws<RebuildLockedException>(() => RebuildLock.Acquire(root.Path, TimeSpan.FromSeconds(1)));

        // "At once": clearly shorter than the one-second wait (a loaded machine may delay even a failing flock call).
        Assert.True(immediate < TimeSpan.FromMilliseconds(900), $"{immediate}");
        Assert.InRange(watch.Elapsed - immediate, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }
}
