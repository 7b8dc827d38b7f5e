namespace ConfigLang.Acme.Storage;

/// <summary>
/// A directory entry's type, permission bits, numeric owner, hard-link count and identity, as
/// <c>statx</c> saw it (not following links).
/// </summary>
public sealed record EntryStatus(EntryKind Kind, UnixFileMode Mode, int Uid, int Gid, int Links, FileIdentity Identity);
