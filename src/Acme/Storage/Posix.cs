using System.ComponentModel;
using System.Runtime.InteropServices;

namespace ConfigLang.Acme.Storage;

/// <summary>
/// The few POSIX calls .NET has no API for: changing and reading a file's owner, hard links,
/// and syncing a directory so a rename survives a crash. Linux only (<c>statx</c>).
/// </summary>
internal static class Posix
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const int ORdOnly = 0;
    private const int ODirectory = 0x10000;

    [DllImport("libc", SetLastError = true, EntryPoint = "lchown")]
    private static extern int LChownNative([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint owner, uint group);

    [DllImport("libc", SetLastError = true, EntryPoint = "link")]
    private static extern int LinkNative([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string created);

    [DllImport("libc", SetLastError = true, EntryPoint = "statx")]
    private static extern int StatxNative(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);

    [DllImport("libc", SetLastError = true, EntryPoint = "open")]
    private static extern int OpenNative([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true, EntryPoint = "fsync")]
    private static extern int FsyncNative(int fd);

    [DllImport("libc", SetLastError = true, EntryPoint = "close")]
    private static extern int CloseNative(int fd);

    /// <summary>Sets owner and group of a path without following a final symlink; -1 leaves one unchanged.</summary>
    public static void LChown(string path, int uid, int gid)
    {
        if (LChownNative(path, unchecked((uint)uid), unchecked((uint)gid)) != 0) throw LastError("chown", path);
    }

    /// <summary>Creates a hard link <paramref name="created"/> to <paramref name="existing"/>.</summary>
    public static void Link(string existing, string created)
    {
        if (LinkNative(existing, created) != 0) throw LastError("link", created);
    }

    /// <summary>Owner and group ids of a path (not following a final symlink).</summary>
    public static (int Uid, int Gid) GetOwner(string path)
    {
        // struct statx is kernel ABI: stx_uid at offset 20, stx_gid at 24; the struct is 256 bytes.
        var buffer = new byte[256];
        if (StatxNative(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, buffer) != 0) throw LastError("statx", path);
        return (MemoryMarshal.Read<int>(buffer.AsSpan(20)), MemoryMarshal.Read<int>(buffer.AsSpan(24)));
    }

    /// <summary>Flushes a directory's entries (renames, new files) to disk.</summary>
    public static void SyncDirectory(string path)
    {
        var fd = OpenNative(path, ORdOnly | ODirectory);
        if (fd < 0) throw LastError("open", path);
        try
        {
            if (FsyncNative(fd) != 0) throw LastError("fsync", path);
        }
        finally
        {
            CloseNative(fd);
        }
    }

    private static IOException LastError(string call, string path)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new IOException($"{call} {path}: {new Win32Exception(errno).Message}", errno);
    }
}
