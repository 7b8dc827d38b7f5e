namespace ConfigLang.Acme.Storage;

/// <summary>
/// A user the configuration needs (e.g. <c>acme</c>, home <c>/var/lib/acme</c>), with
/// its primary group and the extra groups it must be a member of (<c>users.users.X.extraGroups</c>).
/// </summary>
public sealed record SystemUser(
    string Name,
    string Group,
    string Home,
    IReadOnlyList<string> ExtraGroups,
    string Shell = "/usr/sbin/nologin",
    string Description = "")
{
    /// <summary>A service account (an id from the system range, <c>isSystemUser</c>); false for a person's (<c>isNormalUser</c>).</summary>
    public bool IsSystem { get; init; } = true;

    /// <summary>The declared uid, or null to let the tools pick one.</summary>
    public int? Id { get; init; }

    /// <summary>Whether the home directory is made when missing (<c>createHome</c>), with <see cref="HomeMode"/>.</summary>
    public bool CreateHome { get; init; }

    /// <summary>The octal mode a created home directory gets (<c>homeMode</c>).</summary>
    public string HomeMode { get; init; } = "700";
}
