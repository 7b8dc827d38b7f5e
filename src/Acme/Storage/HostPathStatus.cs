namespace ConfigLang.Acme.Storage;

/// <summary>
/// What a path on the running machine finally names, links followed by the kernel: for callers
/// outside this assembly under root <c>/</c>, where following links confines nothing away.
/// </summary>
public static class HostPathStatus
{
    /// <summary>Type, mode and owner of the link's final target (or the entry itself); null when missing.</summary>
    public static EntryStatus? Of(string path) => PosixAt.StatFollowingLinks(path);
}
