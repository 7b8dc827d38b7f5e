namespace ConfigLang.Acme.Storage;

/// <summary>
/// File modes used by the store, and platform-guarded access to them (the store targets
/// Linux; on Windows modes are neither set nor checked).
/// </summary>
internal static class UnixModes
{
    /// <summary>0600: owner read/write (accounts, temporary files).</summary>
    public const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>0640: owner read/write, group read (certificate files).</summary>
    public const UnixFileMode GroupReadable = OwnerReadWrite | UnixFileMode.GroupRead;

    /// <summary>0700: owner-only directory (accounts).</summary>
    public const UnixFileMode OwnerDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>0750: directory the group may enter and list (certificate directories).</summary>
    public const UnixFileMode GroupDirectory = OwnerDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;

    /// <summary>0755: world-enterable directory (the state root, minica).</summary>
    public const UnixFileMode PublicDirectory = GroupDirectory | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>0644: world-readable file (etc/passwd, etc/group).</summary>
    public const UnixFileMode PublicFile = GroupReadable | UnixFileMode.OtherRead;

    public static void Set(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, mode);
    }

    public static UnixFileMode Get(string path) =>
        OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(path);

    /// <summary>Octal text, e.g. <c>0640</c>.</summary>
    public static string Format(UnixFileMode mode) => "0" + Convert.ToString((int)mode, 8);
}
