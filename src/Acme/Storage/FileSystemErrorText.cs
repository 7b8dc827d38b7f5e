using System.ComponentModel;

namespace ConfigLang.Acme.Storage;

/// <summary>
/// A failed file-system call as one sentence: what could not be done to which path, why in words,
/// and the fix where there is one (a read-only or full file system, an immutable file, a file where
/// a directory belongs), instead of "mkdir PATH: Read-only file system". The exception's HResult
/// stays the errno, so callers can still tell the cases apart.
/// </summary>
public static class FileSystemErrorText
{
    private const int EPerm = 1;
    private const int ENoEnt = 2;
    private const int EAccess = 13;
    private const int EExist = 17;
    private const int ENotDir = 20;
    private const int EIsDir = 21;
    private const int ENoSpace = 28;
    private const int EReadOnly = 30;
    private const int EDiskQuota = 122;

    /// <summary>An <see cref="IOException"/> saying that <paramref name="call"/> (a POSIX call name) failed on <paramref name="path"/>.</summary>
    public static IOException Exception(int errno, string call, string path) => new($"cannot {Action(call)} {path}: {Reason(errno)}", errno);

    /// <summary>
    /// The same sentence for an <see cref="IOException"/> .NET threw while writing an open file
    /// (its HResult is the errno on Unix; its message names no path).
    /// </summary>
    public static IOException Rewrap(IOException error, string call, string path) =>
        error.HResult is > 0 and < 4096 ? Exception(error.HResult, call, path) : new IOException($"cannot {Action(call)} {path}: {error.Message}", error);

    /// <summary>Why, in words, then what to do.</summary>
    public static string Reason(int errno) => errno switch
    {
        EReadOnly => "the file system is mounted read-only; remount it read-write (or choose another --root) and run again",
        ENoSpace => "no space is left on that file system; free some space on it and run again",
        EDiskQuota => "the disk quota of this user is used up; free some space or raise the quota and run again",
        EPerm => "the operation is not permitted (as root this usually means the file or its directory is immutable: check with lsattr, clear with chattr -i)",
        EAccess => "permission denied; run as root or give this user access to it",
        ENotDir => "a part of that path is a file where a directory belongs; move the file away and run again",
        EIsDir => "it is a directory where a file belongs; move it away and run again",
        ENoEnt => "it does not exist (or a directory on the way does not)",
        EExist => "it already exists",
        _ => $"{new Win32Exception(errno).Message} (errno {errno})",
    };

    private static string Action(string call) => call switch
    {
        "open" => "open",
        "create" => "create",
        "mkdir" => "create the directory",
        "chmod" => "set the mode of",
        "chown" => "set the owner of",
        "symlink" or "link" => "create the link",
        "rename" => "move a new file into place at",
        "unlink" => "remove",
        "fsync" => "flush to disk",
        "write" => "write",
        "flock" => "lock",
        "statx" => "inspect",
        _ => call,
    };
}
