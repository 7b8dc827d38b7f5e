using ConfigLang.Acme.Storage;
using Microsoft.Win32.SafeHandles;

namespace ConfigLang.Acme.Execution;

/// <summary>
/// The lock that keeps two rebuilds (or a rebuild and the renew timer) from running at once:
/// <c>&lt;root&gt;/run/configlang/rebuild.lock</c> held open with an exclusive <c>flock</c>,
/// released when disposed or when the process dies. Opened without following symlinks
/// (a symlink or hard-linked file there is an <see cref="UnsafePathException"/>), and emptied only
/// once the lock is ours, so a planted link never gets its target truncated. The file is the
/// effective user's and 0600: flock needs only a read descriptor, so a file anyone else can open
/// (or could, when it was 0644 or theirs) is a lock they can hold for ever. Such a file is replaced.
/// </summary>
public sealed class RebuildLock : IDisposable
{
    /// <summary>The lock's directory (host path), 0755 as systemd's RuntimeDirectory would make it.</summary>
    public const string HostDirectory = "/run/configlang";

    private readonly SafeFileHandle _handle;

    private RebuildLock(SafeFileHandle handle, string path)
    {
        _handle = handle;
        Path = path;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>The lock file below <paramref name="root"/>.</summary>
    public static string PathUnder(string root) => System.IO.Path.Combine(System.IO.Path.GetFullPath(root), "run", "configlang", "rebuild.lock");

    /// <summary>How long a per-certificate renew (acme-NAME.service) waits for another run: after a boot the timers of every certificate fire together.</summary>
    public static readonly TimeSpan CertificateUnitWait = TimeSpan.FromMinutes(30);

    /// <summary>Takes the lock without waiting; throws <see cref="RebuildLockedException"/> when another run holds it.</summary>
    public static RebuildLock Acquire(string root) => Acquire(root, TimeSpan.Zero);

    /// <summary>Takes the lock, waiting up to <paramref name="wait"/> for another run to release it; then throws <see cref="RebuildLockedException"/>.</summary>
    public static RebuildLock Acquire(string root, TimeSpan wait)
    {
        var deadline = Environment.TickCount64 + (long)wait.TotalMilliseconds;
        while (true)
        {
            try
            {
                return TryAcquire(root);
            }
            catch (RebuildLockedException) when (Environment.TickCount64 < deadline)
            {
                Thread.Sleep((int)Math.Clamp(deadline - Environment.TickCount64, 1, 1000));
            }
        }
    }

    /// <summary>How often the lock file may be found replaced under us before the run gives up.</summary>
    private const int MaxAttempts = 10;

    private static RebuildLock TryAcquire(string root)
    {
        using var directory = new RootedFileSystem(root).CreateDirectory(HostDirectory, UnixModes.PublicDirectory);
        var path = directory.PathOf("rebuild.lock");
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var handle = OpenOwnLockFile(directory, path);
            if (handle is null) continue;
            try
            {
                if (!RootedDirectory.TryLock(handle, path)) throw new RebuildLockedException(path);
                // Another run may have replaced the file between our open and our flock: a lock on a
                // file no longer under the name keeps nobody out.
                if (directory.Status("rebuild.lock")?.Identity != directory.StatusOf(handle).Identity)
                {
                    handle.Dispose();
                    continue;
                }
                try
                {
                    RandomAccess.SetLength(handle, 0);
                    RandomAccess.Write(handle, System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId + "\n"), 0);
                }
                catch (IOException e)
                {
                    // A full disk: .NET's text names no file.
                    throw FileSystemErrorText.Rewrap(e, "write", path);
                }
                return new RebuildLock(handle, path);
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }
        throw new IOException($"{path} was replaced {MaxAttempts} times while the lock was being taken");
    }

    /// <summary>
    /// The lock file open, ours and 0600; null when another run changed it meanwhile (try again).
    /// A file that is not (someone may hold a descriptor opened while it was readable, or own it
    /// and open it at will): a chmod takes no descriptor back, so it is unlinked and made anew.
    /// </summary>
    private static SafeFileHandle? OpenOwnLockFile(RootedDirectory directory, string path)
    {
        var handle = directory.OpenOrCreate("rebuild.lock", UnixModes.OwnerReadWrite);
        var status = directory.StatusOf(handle);
        if (status is not { Kind: EntryKind.File, Links: 1 })
        {
            handle.Dispose();
            throw new UnsafePathException(path, "a file with other hard links");
        }
        if (status.Mode == UnixModes.OwnerReadWrite && status.Uid == (int)PosixAt.EffectiveUserId()) return handle;
        handle.Dispose();
        directory.Delete("rebuild.lock");
        return directory.TryCreateNewHandle("rebuild.lock", UnixModes.OwnerReadWrite);
    }

    /// <inheritdoc/>
    public void Dispose() => _handle.Dispose();
}
