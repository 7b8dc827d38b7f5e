using System.Runtime.InteropServices;

namespace ConfigLang.Acme.Storage;

/// <summary>
/// The directory-relative POSIX calls (<c>openat</c>, <c>mkdirat</c>, <c>renameat</c>, ...) that
/// let <see cref="RootedDirectory"/> work on one name inside an open directory, so no path is
/// ever resolved through a symlink. Linux only; open flags differ between x86 and Arm.
/// </summary>
internal static partial class PosixAt
{
    public const int ORdOnly = 0;
    public const int OWrOnly = 1;
    public const int ORdWr = 2;
    public const int OCreat = 0x40;
    public const int OExcl = 0x80;
    public const int ONonBlock = 0x800;
    public const int OCloExec = 0x80000;
    public const int OPath = 0x200000;
    public static readonly int ODirectory = IsArm ? 0x4000 : 0x10000;
    public static readonly int ONoFollow = IsArm ? 0x8000 : 0x20000;

    public const int AtFdCwd = -100;
    public const int AtSymlinkNoFollow = 0x100;
    public const int AtRemoveDir = 0x200;
    public const int AtEmptyPath = 0x1000;
    public const int LockExclusiveNonBlocking = 2 | 4;

    public const ulong ResolveNoMagicLinks = 0x02;
    public const ulong ResolveInRoot = 0x10;

    public const int ENoEnt = 2;
    public const int EExist = 17;
    public const int EBadF = 9;
    public const int ENotDir = 20;
    public const int ELoop = 40;
    public const int EPerm = 1;
    public const int ENoSys = 38;
    public const int EWouldBlock = 11;

    private const uint StatxBasicStats = 0x7ff;
    private const long SysOpenat2 = 437;

    private static bool IsArm => RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm;

    [LibraryImport("libc", EntryPoint = "openat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int OpenAt(int directory, string name, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "mkdirat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int MkdirAt(int directory, string name, uint mode);

    [LibraryImport("libc", EntryPoint = "unlinkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int UnlinkAt(int directory, string name, int flags);

    [LibraryImport("libc", EntryPoint = "renameat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int RenameAt(int fromDirectory, string from, int toDirectory, string to);

    [LibraryImport("libc", EntryPoint = "linkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LinkAt(int fromDirectory, string from, int toDirectory, string to, int flags);

    [LibraryImport("libc", EntryPoint = "symlinkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SymlinkAt(string target, int directory, string name);

    [LibraryImport("libc", EntryPoint = "fchownat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int FchownAt(int directory, string name, uint owner, uint group, int flags);

    [LibraryImport("libc", EntryPoint = "fchown", SetLastError = true)]
    public static partial int Fchown(int fd, uint owner, uint group);

    [LibraryImport("libc", EntryPoint = "fchmod", SetLastError = true)]
    public static partial int Fchmod(int fd, uint mode);

    [LibraryImport("libc", EntryPoint = "fchmodat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int FchmodAt(int directory, string name, uint mode, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    public static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    public static partial int Flock(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatxNative(int directory, string name, int flags, uint mask, Span<byte> buffer);

    // glibc has no openat2 wrapper; the syscall number is the same on every architecture (new syscall table).
    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, long directory, nint path, nint how, nint size);

    /// <summary>Type, mode and owner of <paramref name="name"/> in <paramref name="directory"/> (the directory itself for ""), never following a symlink.</summary>
    public static EntryStatus? Stat(int directory, string name, string pathForErrors) =>
        StatAt(directory, name, AtSymlinkNoFollow | (name.Length == 0 ? AtEmptyPath : 0), pathForErrors);

    /// <summary>Type, mode and owner of what <paramref name="path"/> finally names, links followed by the kernel; null when missing.</summary>
    public static EntryStatus? StatFollowingLinks(string path) => StatAt(AtFdCwd, path, 0, path);

    private static EntryStatus? StatAt(int directory, string name, int flags, string pathForErrors)
    {
        // struct statx is kernel ABI: stx_nlink at 16, stx_uid at 20, stx_gid at 24, stx_mode (u16) at 28; 256 bytes.
        Span<byte> buffer = stackalloc byte[256];
        if (StatxNative(directory, name, flags, StatxBasicStats, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is ENoEnt or ENotDir) return null;
            throw Error(errno, "statx", pathForErrors);
        }
        var mode = MemoryMarshal.Read<ushort>(buffer[28..]);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => EntryKind.File,
            0x4000 => EntryKind.Directory,
            0xA000 => EntryKind.Symlink,
            _ => EntryKind.Other,
        };
        // stx_ino (u64) at 32, stx_dev_major and stx_dev_minor (u32) at 136 and 140.
        var device = ((ulong)MemoryMarshal.Read<uint>(buffer[136..]) << 32) | MemoryMarshal.Read<uint>(buffer[140..]);
        var identity = new FileIdentity(device, MemoryMarshal.Read<ulong>(buffer[32..]));
        return new EntryStatus(kind, (UnixFileMode)(mode & 0xFFF), MemoryMarshal.Read<int>(buffer[20..]), MemoryMarshal.Read<int>(buffer[24..]), MemoryMarshal.Read<int>(buffer[16..]), identity);
    }

    /// <summary>True when <paramref name="path"/> (links followed, as exec follows them) is a regular file.</summary>
    public static bool IsFileFollowingLinks(string path)
    {
        try
        {
            return StatFollowingLinks(path) is { Kind: EntryKind.File };
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>True when this process may execute <paramref name="path"/>: what execve accepts.</summary>
    public static bool MayExecute(string path) => AccessNative(AtFdCwd, path, XOk, AtEAccess) == 0;

    private const int XOk = 1;

    // Judged with the effective ids, as execve judges: access(2) would use the real ones (a setuid caller).
    private const int AtEAccess = 0x200;

    /// <summary>The effective user id of this process.</summary>
    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint EffectiveUserId();

    [LibraryImport("libc", EntryPoint = "faccessat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int AccessNative(int directory, string path, int mode, int flags);

    /// <summary>openat2(2) with <paramref name="resolve"/> flags; returns the fd or -1 (errno set).</summary>
    public static unsafe int OpenAt2(int directory, string path, int flags, ulong resolve)
    {
        var how = stackalloc ulong[3];
        how[0] = (ulong)flags;
        how[1] = 0;
        how[2] = resolve;
        var bytes = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        fixed (byte* p = bytes)
        {
            return (int)Syscall(SysOpenat2, directory, (nint)p, (nint)how, 24);
        }
    }

    /// <summary>An IOException for the last failed call, naming the call and the path.</summary>
    public static IOException LastError(string call, string path) => Error(Marshal.GetLastPInvokeError(), call, path);

    public static IOException Error(int errno, string call, string path) => FileSystemErrorText.Exception(errno, call, path);
}
