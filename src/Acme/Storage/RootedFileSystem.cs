namespace ConfigLang.Acme.Storage;

/// <summary>
/// Everything rebuild and renew touch under <c>--root</c>, reached one path component at a time
/// from the root's descriptor with <c>O_NOFOLLOW</c> (see <see cref="RootedDirectory"/>): a
/// symlink where one of our directories or files should be is an <see cref="UnsafePathException"/>
/// naming it, so nothing outside the root is ever read, written, chmod'ed or chown'ed through
/// one. Paths are host paths (<c>/var/lib/acme</c>), taken relative to the root. The root itself
/// is the caller's choice and may be reached through a symlink.
/// </summary>
public sealed class RootedFileSystem(string root)
{
    /// <summary>Mode of directories we create on the way to ours (<c>var</c>, <c>etc</c>, ...), whatever the umask.</summary>
    public const UnixFileMode ParentDirectoryMode = UnixModes.PublicDirectory;

    /// <summary>The root, as a full path.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The path on this machine of a host path (the root prefixed), for messages.</summary>
    public string FullPath(string hostPath) => Components(hostPath) is { Length: > 0 } parts ? Path.Join([Root, .. parts]) : Root;

    /// <summary>
    /// The host path of <paramref name="fullPath"/> on this machine (<c>ROOT/etc/x</c> → <c>/etc/x</c>),
    /// or null when it lies outside the root; with root <c>/</c>, the path itself.
    /// </summary>
    public string? HostPath(string fullPath)
    {
        var full = Path.GetFullPath(fullPath);
        if (Root == "/") return full;
        if (full == Root) return "/";
        return full.StartsWith(Root.TrimEnd('/') + "/", StringComparison.Ordinal) ? full[Root.TrimEnd('/').Length..] : null;
    }

    /// <summary>The root directory itself.</summary>
    public RootedDirectory OpenRoot() => TryOpenRoot() ?? throw PosixAt.Error(PosixAt.ENoEnt, "open", Root);

    private RootedDirectory? TryOpenRoot(bool create = false)
    {
        var fd = PosixAt.OpenAt(PosixAt.AtFdCwd, Root, PosixAt.ORdOnly | PosixAt.ODirectory | PosixAt.OCloExec, 0);
        if (fd >= 0) return new RootedDirectory(fd, Root);
        if (System.Runtime.InteropServices.Marshal.GetLastPInvokeError() != PosixAt.ENoEnt) throw PosixAt.LastError("open", Root);
        if (!create) return null;
        // A fresh --root (a test, an image being prepared) is made like any other parent of ours.
        // The root is the caller's own path (it may sit behind a link the caller chose); what is below it is ours.
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(Root);
        else Directory.CreateDirectory(Root, ParentDirectoryMode);
        return OpenRoot();
    }

    /// <summary>An existing directory; null when it (or a parent) is missing; <see cref="UnsafePathException"/> for a symlink on the way.</summary>
    public RootedDirectory? TryOpenDirectory(string hostPath)
    {
        var current = TryOpenRoot();
        if (current is null) return null;
        foreach (var part in Components(hostPath))
        {
            using var parent = current;
            var next = parent.TryOpenDirectory(part);
            if (next is null) return null;
            current = next;
        }
        return current;
    }

    /// <summary>
    /// A directory, created with its parents when missing: parents get <see cref="ParentDirectoryMode"/>
    /// when we create them (existing ones are not ours to change), the directory itself gets
    /// <paramref name="mode"/> whether new or not, so a mode from before is repaired.
    /// </summary>
    public RootedDirectory CreateDirectory(string hostPath, UnixFileMode mode)
    {
        var parts = Components(hostPath);
        var current = TryOpenRoot(create: true)!;
        for (var i = 0; i < parts.Length; i++)
        {
            using var parent = current;
            current = i == parts.Length - 1
                ? parent.CreateDirectory(parts[i], mode)
                : parent.TryOpenDirectory(parts[i]) ?? parent.CreateDirectory(parts[i], ParentDirectoryMode);
        }
        return current;
    }

    /// <summary>A directory that is not ours (<c>/etc</c>): opened as it is, created with <see cref="ParentDirectoryMode"/> when missing.</summary>
    public RootedDirectory OpenOrCreateDirectory(string hostPath) =>
        TryOpenDirectory(hostPath) ?? CreateDirectory(hostPath, ParentDirectoryMode);

    /// <summary>The content of a file we own; null when it or its directory is missing.</summary>
    public byte[]? TryReadAllBytes(string hostPath)
    {
        var (directory, name) = Split(hostPath);
        using var parent = TryOpenDirectory(directory);
        return parent?.TryReadAllBytes(name);
    }

    /// <summary>The UTF-8 text of a file we own; null when it or its directory is missing.</summary>
    public string? TryReadAllText(string hostPath) => TryReadAllBytes(hostPath) is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null;

    /// <summary>
    /// Reads a file the configuration names but ConfigLang does not own (credentials): symlinks
    /// are resolved as if the root were <c>/</c> (<c>openat2</c> with <c>RESOLVE_IN_ROOT</c>), so the
    /// <c>/run/agenix</c> or <c>/run/secrets</c> links of secret managers work, and nothing
    /// outside the root can be reached.
    /// </summary>
    public string ReadConfiguredFile(string hostPath) =>
        System.Text.Encoding.UTF8.GetString(ReadConfiguredFileWithStatus(hostPath).Content);

    /// <summary>
    /// <see cref="ReadConfiguredFile"/>'s bytes with the status of the file that was read (the
    /// link's target, from the same open descriptor), for checks that judge who may read a secret.
    /// </summary>
    public (byte[] Content, EntryStatus Status) ReadConfiguredFileWithStatus(string hostPath)
    {
        using var entry = OpenConfiguredEntry(hostPath, nullWhenMissing: false)!;
        var (handle, status) = RegularFile.Reopen(entry, FullPath(hostPath), PosixAt.ORdOnly);
        using (handle)
        {
            return (RootedDirectory.ReadBounded(handle, FullPath(hostPath)), status);
        }
    }

    /// <summary>
    /// The status of a file the configuration names (credentials), its links resolved inside the
    /// root as <see cref="ReadConfiguredFile"/> resolves them; null when nothing is there. Opened
    /// with <c>O_PATH</c>: nothing is read, so lint may judge a file it could not open.
    /// </summary>
    public EntryStatus? ConfiguredFileStatus(string hostPath)
    {
        using var entry = OpenConfiguredEntry(hostPath, nullWhenMissing: true);
        return entry is null ? null : PosixAt.Stat((int)entry.DangerousGetHandle(), "", FullPath(hostPath));
    }

    /// <summary>
    /// An <c>O_PATH</c> descriptor of a file the configuration names, its links resolved inside the
    /// root; null when it is missing and <paramref name="nullWhenMissing"/>;
    /// <see cref="ConfinedResolutionUnavailableException"/> where openat2 cannot be used.
    /// </summary>
    private Microsoft.Win32.SafeHandles.SafeFileHandle? OpenConfiguredEntry(string hostPath, bool nullWhenMissing)
    {
        using var root = OpenRoot();
        var relative = string.Join('/', Components(hostPath));
        var fd = PosixAt.OpenAt2(root.Descriptor, relative, PosixAt.OPath | PosixAt.OCloExec, PosixAt.ResolveInRoot | PosixAt.ResolveNoMagicLinks);
        if (fd >= 0) return new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true);
        var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
        if (errno is PosixAt.ENoSys or PosixAt.EPerm) throw new ConfinedResolutionUnavailableException(FullPath(hostPath), errno);
        if (nullWhenMissing && errno is PosixAt.ENoEnt or PosixAt.ENotDir) return null;
        throw PosixAt.Error(errno, "open", FullPath(hostPath));
    }

    /// <summary>The directory part and the file name of a host path.</summary>
    public static (string Directory, string Name) Split(string hostPath)
    {
        var parts = Components(hostPath);
        if (parts.Length == 0) throw new ArgumentException("a file path is needed, not the root", nameof(hostPath));
        return (string.Join('/', parts[..^1]), parts[^1]);
    }

    // "/var/lib/acme/" -> [var, lib, acme]; "." and ".." are refused by RootedDirectory, never resolved.
    private static string[] Components(string hostPath) => hostPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
