namespace ConfigLang.Acme.Storage;

/// <summary>
/// A system user the configuration needs (e.g. <c>acme</c>, home <c>/var/lib/acme</c>), with
/// its primary group and the extra groups it must be a member of (<c>users.users.X.extraGroups</c>).
/// </summary>
public sealed record SystemUser(
    string Name,
    string Group,
    string Home,
    IReadOnlyList<string> ExtraGroups,
    string Shell = "/usr/sbin/nologin",
    string Description = "");
