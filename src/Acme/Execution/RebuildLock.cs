using ConfigLang.Acme.Storage;
using Microsoft.Win32.SafeHandles;

namespace ConfigLang.Acme.Execution;

/// <summary>
/// The lock that keeps two rebuilds (or a rebuild and the renew timer) from running at once:
/// <c>&lt;root&gt;/run/configlang/lock/rebuild.lock</c> held open with an exclusive <c>flock</c>,
/// released when disposed or when the process dies. flock needs only a read descriptor, so anyone
/// who can open the file can hold the lock for ever: the file lives in a folder that is the
/// effective user's and 0700, and is ours and 0600; anything else there is an
/// <see cref="UnsafePathException"/>, never deleted (deleting a file another run has just locked
/// lets two runs in at once). No earlier version used that folder, so an old 0644
/// <c>run/configlang/rebuild.lock</c> that others may hold open locks nothing and is ignored.
/// Opened without following symlinks, and emptied only once the lock is ours.
/// </summary>
public sealed class RebuildLock : IDisposable
{
    /// <summary>The directory above the lock's folder (host path), 0755 as systemd's RuntimeDirectory would make it.</summary>
    public const string HostDirectory = "/run/configlang";

    /// <summary>The lock's own folder in <see cref="HostDirectory"/>: the effective user's, 0700.</summary>
    public const string FolderName = "lock";

    private const string FileName = "rebuild.lock";

    private readonly SafeFileHandle _handle;

    private RebuildLock(SafeFileHandle handle, string path)
    {
        _handle = handle;
        Path = path;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>The lock file below <paramref name="root"/>.</summary>
    public static string PathUnder(string root) => System.IO.Path.Combine(System.IO.Path.GetFullPath(root), "run", "configlang", FolderName, FileName);

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

    private static RebuildLock TryAcquire(string root)
    {
        using var parent = new RootedFileSystem(root).CreateDirectory(HostDirectory, UnixModes.PublicDirectory);
        using var folder = OpenOwnFolder(parent);
        var path = folder.PathOf(FileName);
        var handle = folder.OpenOrCreate(FileName, UnixModes.OwnerReadWrite);
        try
        {
            // OpenOrCreate opened a regular file (an existing entry judged before it was opened, or one it made): only its links are left to judge.
            var status = folder.StatusOf(handle);
            if (status.Links != 1) throw new UnsafePathException(path, "a file with other hard links");
            if (status.Uid != (int)PosixAt.EffectiveUserId() || status.Mode != UnixModes.OwnerReadWrite)
            {
                throw new UnsafePathException(path, $"not a file of uid {PosixAt.EffectiveUserId()} with mode 0600 (uid {status.Uid}, mode {Octal(status.Mode)}: others may hold it open)");
            }
            if (!RootedDirectory.TryLock(handle, path)) throw new RebuildLockedException(path);
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

    /// <summary>The lock's folder, created 0700 when missing; one that is not ours and 0700 is refused, not repaired (a chmod takes back no descriptor opened meanwhile).</summary>
    private static RootedDirectory OpenOwnFolder(RootedDirectory parent)
    {
        var folder = parent.OpenOrCreateDirectory(FolderName, UnixModes.OwnerDirectory);
        var status = folder.Status();
        if (status.Uid == (int)PosixAt.EffectiveUserId() && status.Mode == UnixModes.OwnerDirectory) return folder;
        folder.Dispose();
        throw new UnsafePathException(folder.Path, $"not a directory of uid {PosixAt.EffectiveUserId()} with mode 0700 (uid {status.Uid}, mode {Octal(status.Mode)}: others may hold the lock file open)");
    }

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode, 8);

    /// <inheritdoc/>
    public void Dispose() => _handle.Dispose();
}
