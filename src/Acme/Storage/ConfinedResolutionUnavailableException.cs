namespace ConfigLang.Acme.Storage;

/// <summary>
/// A configured file could not be opened with its links resolved inside the root: <c>openat2</c>
/// is missing (kernels before 5.6, ENOSYS) or refused by a seccomp filter (EPERM). Nothing was
/// opened; callers that must not fall silent say that the file could not be judged.
/// </summary>
public sealed class ConfinedResolutionUnavailableException(string path, int errno)
    : IOException($"cannot open {path} with its links resolved inside the root: openat2 is {(errno == PosixAt.ENoSys ? "not available (a kernel before 5.6)" : "not permitted (a seccomp filter)")}")
{
    /// <summary>The file that was to be opened (root included).</summary>
    public string Path { get; } = path;
}
