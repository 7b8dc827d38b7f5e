namespace ConfigLang.Acme.Storage;

/// <summary>
/// One wrong mode or owner found by <see cref="PermissionRepair"/>: what was wrong, and whether
/// it was fixed (if not, <see cref="Note"/> says why, e.g. "not running as root").
/// </summary>
public sealed record PermissionFinding(string Path, string Problem, bool Fixed, string? Note = null);
