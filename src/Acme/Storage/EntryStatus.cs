namespace ConfigLang.Acme.Storage;

/// <summary>A directory entry's type, permission bits, numeric owner and hard-link count, as <c>statx</c> saw it (not following links).</summary>
public sealed record EntryStatus(EntryKind Kind, UnixFileMode Mode, int Uid, int Gid, int Links);
