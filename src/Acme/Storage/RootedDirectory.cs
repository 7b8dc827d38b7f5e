using Microsoft.Win32.SafeHandles;

namespace ConfigLang.Acme.Storage;

/// <summary>
/// One open directory below the root (see <see cref="RootedFileSystem"/>). Every operation
/// takes a single name inside it and works relative to the directory's descriptor with
/// <c>O_NOFOLLOW</c> (or the call's no-follow equivalent), so a symlink planted anywhere is an
/// <see cref="UnsafePathException"/>, never a way out of the root, and a directory renamed
/// away while we work cannot redirect a write.
/// </summary>
public sealed class RootedDirectory : IDisposable
{
    private int _fd;

    internal RootedDirectory(int fd, string path)
    {
        _fd = fd;
        Path = path;
    }

    /// <summary>The full path (root included), for messages.</summary>
    public string Path { get; }

    /// <summary>The full path of <paramref name="name"/> in this directory, for messages.</summary>
    public string PathOf(string name) => System.IO.Path.Join(Path, name);

    /// <summary>Type, mode and owner of this directory.</summary>
    public EntryStatus Status() => PosixAt.Stat(Fd, "", Path)!;

    /// <summary>Type, mode and owner of <paramref name="name"/>; null when nothing is there.</summary>
    public EntryStatus? Status(string name) => PosixAt.Stat(Fd, Checked(name), PathOf(name));

    /// <summary>True when <paramref name="name"/> exists as anything, a dangling symlink included.</summary>
    public bool Exists(string name) => Status(name) is not null;

    /// <summary>True when <paramref name="name"/> is a regular file, false when absent; <see cref="UnsafePathException"/> for anything else.</summary>
    public bool FileExists(string name) => Status(name) switch
    {
        null => false,
        { Kind: EntryKind.File } => true,
        var other => throw new UnsafePathException(PathOf(name), Describe(other.Kind)),
    };

    /// <summary>The names in this directory (no <c>.</c> or <c>..</c>), sorted ordinally.</summary>
    public IReadOnlyList<string> List()
    {
        // The kernel's view of our descriptor: listing names through it cannot wander elsewhere.
        var names = Directory.EnumerateFileSystemEntries($"/proc/self/fd/{Fd}").Select(System.IO.Path.GetFileName).OfType<string>().ToList();
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    /// <summary>An existing subdirectory; null when missing; <see cref="UnsafePathException"/> when it is a symlink or not a directory.</summary>
    public RootedDirectory? TryOpenDirectory(string name)
    {
        var fd = PosixAt.OpenAt(Fd, Checked(name), PosixAt.ORdOnly | PosixAt.ODirectory | PosixAt.ONoFollow | PosixAt.OCloExec, 0);
        if (fd >= 0) return new RootedDirectory(fd, PathOf(name));
        var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
        if (errno == PosixAt.ENoEnt) return null;
        throw Refusal(name, errno, "open");
    }

    /// <summary>
    /// A subdirectory, created when missing; its mode is set to <paramref name="mode"/> either way
    /// (explicitly, so the umask never decides and a wrong mode from before is repaired).
    /// </summary>
    public RootedDirectory CreateDirectory(string name, UnixFileMode mode)
    {
        if (PosixAt.MkdirAt(Fd, Checked(name), (uint)mode) != 0 && System.Runtime.InteropServices.Marshal.GetLastPInvokeError() is var errno && errno != PosixAt.EExist)
        {
            throw PosixAt.Error(errno, "mkdir", PathOf(name));
        }
        var directory = TryOpenDirectory(name) ?? throw new IOException($"{PathOf(name)} vanished while it was being created");
        try
        {
            directory.SetMode(mode);
            return directory;
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A subdirectory, created with <paramref name="mode"/> when missing (set explicitly, so the
    /// umask never decides); an existing one is opened as it is, for the caller to judge: a chmod
    /// would hide that it was once open to others.
    /// </summary>
    public RootedDirectory OpenOrCreateDirectory(string name, UnixFileMode mode)
    {
        var created = PosixAt.MkdirAt(Fd, Checked(name), (uint)mode) == 0;
        if (!created && System.Runtime.InteropServices.Marshal.GetLastPInvokeError() is var errno && errno != PosixAt.EExist)
        {
            throw PosixAt.Error(errno, "mkdir", PathOf(name));
        }
        var directory = TryOpenDirectory(name) ?? throw new IOException($"{PathOf(name)} vanished while it was being created");
        try
        {
            if (created) directory.SetMode(mode);
            return directory;
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>The content of a regular file; null when missing; <see cref="UnsafePathException"/> for a symlink, FIFO or device.</summary>
    public byte[]? TryReadAllBytes(string name)
    {
        using var handle = TryOpen(name, PosixAt.ORdOnly);
        return handle is null ? null : ReadBounded(handle, PathOf(name));
    }

    /// <summary>The most any file under the root is read into memory (a planted huge file is an error, not an allocation).</summary>
    public const int MaxFileBytes = 16 << 20;

    /// <summary>Reads an open file whole, up to <see cref="MaxFileBytes"/>.</summary>
    internal static byte[] ReadBounded(SafeFileHandle handle, string path)
    {
        using var stream = new FileStream(handle, FileAccess.Read);
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (copy.Length + read > MaxFileBytes) throw new IOException($"{path} is larger than {MaxFileBytes >> 20} MiB; not read");
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }

    /// <summary>The content of a regular file as UTF-8 text; null when missing.</summary>
    public string? TryReadAllText(string name) => TryReadAllBytes(name) is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null;

    /// <summary>Creates a new file (never an existing one, never through a symlink) with exactly <paramref name="mode"/>.</summary>
    public FileStream CreateNew(string name, UnixFileMode mode) =>
        new(TryCreateNewHandle(name, mode) ?? throw PosixAt.Error(PosixAt.EExist, "create", PathOf(name)), FileAccess.Write);

    /// <summary>
    /// Creates a new file (never an existing one, never through a symlink) with exactly
    /// <paramref name="mode"/>, open for reading and writing; null when the name is taken.
    /// </summary>
    private SafeFileHandle? TryCreateNewHandle(string name, UnixFileMode mode)
    {
        var fd = PosixAt.OpenAt(Fd, Checked(name), PosixAt.ORdWr | PosixAt.OCreat | PosixAt.OExcl | PosixAt.ONoFollow | PosixAt.OCloExec, (uint)mode);
        if (fd < 0)
        {
            var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            if (errno == PosixAt.EExist) return null;
            throw PosixAt.Error(errno, "create", PathOf(name));
        }
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            // The umask may have taken bits away; the mode asked for is the mode we want.
            if (PosixAt.Fchmod(fd, (uint)mode) != 0) throw PosixAt.LastError("chmod", PathOf(name));
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Opens (creating with <paramref name="mode"/> when missing) a regular file for reading and writing, without truncating it.</summary>
    public SafeFileHandle OpenOrCreate(string name, UnixFileMode mode)
    {
        // Existing: judged before it is opened (TryOpen). Missing: created exclusively, so what is
        // opened is the file just made; a name taken between the two is judged on the next round.
        for (var attempt = 0; attempt < MaxCreateAttempts; attempt++)
        {
            if (TryOpen(name, PosixAt.ORdWr) is { } existing) return existing;
            if (TryCreateNewHandle(name, mode) is { } created) return created;
        }
        throw new IOException($"{PathOf(name)} kept appearing and vanishing while it was being opened");
    }

    // Each round needs another process to create and delete the name in between: never many.
    private const int MaxCreateAttempts = 8;

    /// <summary>Sets this directory's mode.</summary>
    public void SetMode(UnixFileMode mode)
    {
        if (PosixAt.Fchmod(Fd, (uint)mode) != 0) throw PosixAt.LastError("chmod", Path);
    }

    /// <summary>
    /// The entry <paramref name="name"/> itself (a symlink not followed, nothing opened for reading),
    /// for <see cref="StatusOf"/>, <see cref="SetMode(SafeFileHandle, string, UnixFileMode)"/> and
    /// <see cref="SetOwner(SafeFileHandle, string, int, int)"/> to reach the very entry that was
    /// judged, whatever its name points at by then; null when missing.
    /// </summary>
    public SafeFileHandle? TryOpenEntry(string name)
    {
        var fd = PosixAt.OpenAt(Fd, Checked(name), PosixAt.OPath | PosixAt.ONoFollow | PosixAt.OCloExec, 0);
        if (fd >= 0) return new SafeFileHandle(fd, ownsHandle: true);
        var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
        if (errno == PosixAt.ENoEnt) return null;
        throw PosixAt.Error(errno, "open", PathOf(name));
    }

    /// <summary>Sets the mode of an open file (<paramref name="name"/> only names it in messages).</summary>
    public void SetMode(SafeFileHandle file, string name, UnixFileMode mode)
    {
        var fd = (int)file.DangerousGetHandle();
        if (PosixAt.Fchmod(fd, (uint)mode) == 0) return;
        // An O_PATH descriptor (TryOpenEntry) takes no fchmod; its /proc link names exactly its inode.
        if (System.Runtime.InteropServices.Marshal.GetLastPInvokeError() != PosixAt.EBadF
            || PosixAt.FchmodAt(PosixAt.AtFdCwd, $"/proc/self/fd/{fd}", (uint)mode, 0) != 0)
        {
            throw PosixAt.LastError("chmod", PathOf(name));
        }
    }

    /// <summary>Sets the owner and group of an open entry itself (a symlink's own when it is one); -1 leaves one unchanged.</summary>
    public void SetOwner(SafeFileHandle entry, string name, int uid, int gid)
    {
        if (PosixAt.FchownAt((int)entry.DangerousGetHandle(), "", unchecked((uint)uid), unchecked((uint)gid), PosixAt.AtEmptyPath) != 0)
        {
            throw PosixAt.LastError("chown", PathOf(name));
        }
    }

    /// <summary>Sets this directory's owner and group; -1 leaves one unchanged.</summary>
    public void SetOwner(int uid, int gid)
    {
        if (PosixAt.Fchown(Fd, unchecked((uint)uid), unchecked((uint)gid)) != 0) throw PosixAt.LastError("chown", Path);
    }

    /// <summary>Creates the symlink <paramref name="name"/> pointing at <paramref name="target"/> (our own cert.pem only).</summary>
    public void CreateSymlink(string name, string target)
    {
        if (PosixAt.SymlinkAt(target, Fd, Checked(name)) != 0) throw PosixAt.LastError("symlink", PathOf(name));
    }

    /// <summary>Hard-links <paramref name="existing"/> (the entry itself, a symlink not followed) as <paramref name="created"/>.</summary>
    public void Link(string existing, string created)
    {
        if (PosixAt.LinkAt(Fd, Checked(existing), Fd, Checked(created), 0) != 0) throw PosixAt.LastError("link", PathOf(created));
    }

    /// <summary>Renames <paramref name="from"/> over <paramref name="to"/> in this directory (the entry, never a symlink's target).</summary>
    public void Rename(string from, string to)
    {
        if (PosixAt.RenameAt(Fd, Checked(from), Fd, Checked(to)) != 0) throw PosixAt.LastError("rename", PathOf(to));
    }

    /// <summary>Removes the file or symlink <paramref name="name"/>; false when it was not there.</summary>
    public bool Delete(string name)
    {
        if (PosixAt.UnlinkAt(Fd, Checked(name), 0) == 0) return true;
        var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
        if (errno == PosixAt.ENoEnt) return false;
        throw PosixAt.Error(errno, "unlink", PathOf(name));
    }

    /// <summary>Flushes this directory's entries (renames, new files) to disk.</summary>
    public void Sync()
    {
        if (PosixAt.Fsync(Fd) != 0) throw PosixAt.LastError("fsync", Path);
    }

    /// <summary>Type, mode, owner and links of an open file (what it is now, whatever its name points at).</summary>
    public EntryStatus StatusOf(SafeFileHandle handle) => PosixAt.Stat((int)handle.DangerousGetHandle(), "", Path)!;

    /// <summary>Takes an exclusive advisory lock on an open file without waiting; false when another process holds it.</summary>
    internal static bool TryLock(SafeFileHandle handle, string path)
    {
        if (PosixAt.Flock((int)handle.DangerousGetHandle(), PosixAt.LockExclusiveNonBlocking) == 0) return true;
        var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
        if (errno == PosixAt.EWouldBlock) return false;
        throw PosixAt.Error(errno, "flock", path);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0) PosixAt.Close(fd);
    }

    /// <summary>The open descriptor (for calls that start from it).</summary>
    internal int Descriptor => Fd;

    private int Fd => _fd >= 0 ? _fd : throw new ObjectDisposedException(Path);

    /// <summary>
    /// <paramref name="name"/> opened with <paramref name="access"/> once it is known to be a
    /// regular file (see <see cref="RegularFile"/>); null when missing.
    /// </summary>
    private SafeFileHandle? TryOpen(string name, int access)
    {
        using var entry = TryOpenEntry(name);
        return entry is null ? null : RegularFile.Reopen(entry, PathOf(name), access).Handle;
    }

    // A failed no-follow open: a symlink (ELOOP, or ENOTDIR with O_DIRECTORY) is refused by name.
    private Exception Refusal(string name, int errno, string call)
    {
        if (errno is PosixAt.ELoop or PosixAt.ENotDir && Status(name) is { } status && status.Kind != EntryKind.Directory)
        {
            return new UnsafePathException(PathOf(name), Describe(status.Kind));
        }
        return PosixAt.Error(errno, call, PathOf(name));
    }

    internal static string Describe(EntryKind kind) => kind switch
    {
        EntryKind.Symlink => "a symbolic link",
        EntryKind.Directory => "a directory where a file belongs",
        EntryKind.File => "a file where a directory belongs",
        _ => "a device, FIFO or socket",
    };

    // One name, never a path: nothing can walk up or across.
    private static string Checked(string name)
    {
        if (name.Length == 0 || name is "." or ".." || name.Contains('/') || name.Contains('\0'))
        {
            throw new ArgumentException($"'{name}' is not a single file name", nameof(name));
        }
        return name;
    }
}
