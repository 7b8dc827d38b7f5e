using ConfigLang.Acme.Model;
using ConfigLang.Acme.Storage;

namespace ConfigLang.Host;

/// <summary>
/// The users and groups a rebuild must make exist: every declared <c>users.users</c> and
/// <c>users.groups</c> (ids, members, extra groups, system or person, home, description) as NixOS
/// creates them, every certificate group, and the account of a certificate consumer that nothing
/// declares, with its primary group, extra groups and the groups that list it as a member.
/// </summary>
public static class HostAccounts
{
    /// <summary>NixOS's shells: <c>users.defaultUserShell</c> (bash) for people and root, nologin for services.</summary>
    private const string LoginShell = "/bin/bash";
    private const string NoLogin = "/usr/sbin/nologin";

    public static (IReadOnlyList<SystemGroup> Groups, IReadOnlyList<SystemUser> Users) From(HostFacts facts, IReadOnlyList<CertificateRequest> requests)
    {
        var users = facts.Users.Values.Select(u => Declared(facts, u)).ToList();
        if (!facts.Users.ContainsKey("acme")) users.Add(new SystemUser("acme", "acme", "/var/lib/acme", []));
        foreach (var name in facts.Consumers.Select(c => c.User).Distinct(StringComparer.Ordinal).Where(u => u is not "root" && !facts.Users.ContainsKey(u) && u != "acme"))
        {
            users.Add(new SystemUser(name, name, "/var/empty", MemberOf(facts, name, name, [])));
        }

        var groups = facts.GroupMembers.Select(g => new SystemGroup(g.Key, facts.GroupIds.GetValueOrDefault(g.Key)) { Members = g.Value })
            .ToDictionary(g => g.Name, StringComparer.Ordinal);
        foreach (var name in requests.Select(r => r.Group).Prepend("acme").Concat(users.Select(u => u.Group)).Concat(users.SelectMany(u => u.ExtraGroups)))
        {
            groups.TryAdd(name, new SystemGroup(name));
        }
        return ([.. groups.Values.OrderBy(g => g.Name, StringComparer.Ordinal)], [.. users.OrderBy(u => u.Name, StringComparer.Ordinal)]);
    }

    private static SystemUser Declared(HostFacts facts, UserFacts user)
    {
        var primary = string.IsNullOrEmpty(user.Group) ? user.Name : user.Group;
        // A uid below 1000 is a system account even without isSystemUser, as NixOS counts it.
        var system = !user.IsNormalUser && (user.IsSystemUser || user.Uid is < 1000);
        return new SystemUser(user.Name, primary, user.Home ?? "/var/empty", MemberOf(facts, user.Name, primary, user.ExtraGroups),
            user.Shell ?? (user.IsNormalUser || user.Uid == 0 ? LoginShell : NoLogin), user.Description)
        {
            IsSystem = system,
            Id = user.Uid,
            // NixOS's activation makes /root (0700) whatever createHome says.
            CreateHome = user.CreateHome || user.Uid == 0,
            HomeMode = user.HomeMode,
        };
    }

    /// <summary>The user's extra groups and the groups that list it as a member, its primary group left out.</summary>
    private static List<string> MemberOf(HostFacts facts, string user, string primary, IReadOnlyList<string> extraGroups) =>
        extraGroups.Concat(facts.GroupMembers.Where(g => g.Value.Contains(user)).Select(g => g.Key))
            .Where(g => g != primary).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
