namespace ConfigLang.Acme.Storage;

/// <summary>
/// One ownership the store wanted to set: <see cref="Applied"/> is false when the process may
/// not change owners (not root) or a name is unknown, with the reason in <see cref="Note"/>.
/// A null <see cref="Group"/> means the group was left as it was.
/// </summary>
public sealed record OwnershipChange(string Path, string User, string? Group, bool Applied, string? Note = null);
