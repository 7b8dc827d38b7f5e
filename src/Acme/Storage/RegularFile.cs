using Microsoft.Win32.SafeHandles;

namespace ConfigLang.Acme.Storage;

/// <summary>
/// Opens for reading or writing only what is known to be a regular file: given the entry held by
/// an <c>O_PATH</c> descriptor (which runs no driver's open and wakes no FIFO's other end), judged by
/// <c>statx</c> on that descriptor, then reopened through <c>/proc/self/fd/N</c>, which names that
/// very inode whatever its name points at by then. Opening a device acts on it (a watchdog starts,
/// a tape rewinds) and opening a FIFO releases a writer waiting on it.
/// </summary>
internal static class RegularFile
{
    /// <summary>
    /// Reopens the <c>O_PATH</c> descriptor <paramref name="entry"/> with <paramref name="access"/>
    /// (<see cref="PosixAt.ORdOnly"/>, <see cref="PosixAt.ORdWr"/>) and returns the new handle with
    /// the status it was judged by; <see cref="UnsafePathException"/> naming <paramref name="path"/>
    /// when it is anything but a regular file.
    /// </summary>
    public static (SafeFileHandle Handle, EntryStatus Status) Reopen(SafeFileHandle entry, string path, int access)
    {
        var fd = (int)entry.DangerousGetHandle();
        var status = PosixAt.Stat(fd, "", path)!;
        if (status.Kind != EntryKind.File) throw new UnsafePathException(path, RootedDirectory.Describe(status.Kind));
        var reopened = PosixAt.OpenAt(PosixAt.AtFdCwd, $"/proc/self/fd/{fd}", access | PosixAt.ONonBlock | PosixAt.OCloExec, 0);
        if (reopened < 0) throw PosixAt.LastError("open", path);
        return (new SafeFileHandle(reopened, ownsHandle: true), status);
    }
}
