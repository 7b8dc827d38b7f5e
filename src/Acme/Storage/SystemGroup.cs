namespace ConfigLang.Acme.Storage;

/// <summary>
/// A group the configuration needs, with its declared gid (null: the tools pick one from the
/// system range) and the users it lists as members (<c>users.groups.X.members</c>); members
/// that are no account under the root are left out, as shadow-utils cannot name them.
/// </summary>
public sealed record SystemGroup(string Name, int? Id = null)
{
    public IReadOnlyList<string> Members { get; init; } = [];
}
