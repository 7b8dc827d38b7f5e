using ConfigLang.Acme.Model;
using ConfigLang.Acme.Storage;

namespace ConfigLang.Host;

/// <summary>
/// The users and groups a rebuild must make exist, from the resolved <c>users.users</c> /
/// <c>users.groups</c>: <c>acme</c>, every certificate group, and every consumer's account with
/// its primary group, extra groups and the groups that list it as a member.
/// </summary>
public static class HostAccounts
{
    public static (IReadOnlyList<string> Groups, IReadOnlyList<SystemUser> Users) From(HostFacts facts, IReadOnlyList<CertificateRequest> requests)
    {
        var users = new List<SystemUser> { new("acme", "acme", "/var/lib/acme", []) };
        var groups = new SortedSet<string>(StringComparer.Ordinal) { "acme" };
        foreach (var request in requests) groups.Add(request.Group);
        foreach (var name in facts.Consumers.Select(c => c.User).Distinct(StringComparer.Ordinal).Where(u => u is not "acme" and not "root"))
        {
            var declared = facts.Users.GetValueOrDefault(name);
            var primary = declared?.Group ?? name;
            var extra = (declared?.ExtraGroups ?? [])
                .Concat(facts.GroupMembers.Where(g => g.Value.Contains(name)).Select(g => g.Key))
                .Where(g => g != primary).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            groups.Add(primary);
            groups.UnionWith(extra);
            users.Add(new SystemUser(name, primary, "/var/empty", extra));
        }
        return ([.. groups], users);
    }
}
