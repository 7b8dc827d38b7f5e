using System.Globalization;
using System.Text;

namespace ConfigLang.Acme.Storage;

/// <summary>
/// Adds missing system users and groups to <c>&lt;root&gt;/etc/passwd</c> and <c>/etc/group</c>
/// (and a locked entry to <c>/etc/shadow</c> when that file exists), and adds users to the
/// groups named in their extra groups. Existing lines are kept byte for byte. New ids are
/// taken as NixOS does for system accounts: the highest free id from 999 down to 400. Each file
/// is replaced atomically with its previous mode and owner.
/// </summary>
public sealed class SystemAccounts(string root)
{
    private const int FirstSystemId = 400;
    private const int LastSystemId = 999;

    private readonly RootedFileSystem _root = new(root);
    private readonly FileOwnership _ownership = new(Path.GetFullPath(root));

    /// <summary>
    /// Makes sure the groups and users exist; returns what was changed, one phrase each. A name or
    /// field that cannot be written as one is an <see cref="UnsafeAccountEntryException"/> before
    /// any file is read or written.
    /// </summary>
    public IReadOnlyList<string> Ensure(IEnumerable<string> groups, IEnumerable<SystemUser> users)
    {
        var groupList = groups.ToArray();
        var userList = users.ToArray();
        AccountFileFields.Check(groupList, userList);
        var passwd = Read("passwd");
        var group = Read("group");
        var shadow = _root.TryReadAllText("/etc/shadow") is { } shadowText ? Lines(shadowText) : null;
        var changes = new List<string>();

        foreach (var name in groupList.Concat(userList.Select(u => u.Group)).Concat(userList.SelectMany(u => u.ExtraGroups)).Distinct())
        {
            if (FindLine(group, name) >= 0) continue;
            var gid = FreeId(group);
            group.Add($"{name}:x:{gid}:");
            changes.Add($"added group {name} (gid {gid})");
        }

        foreach (var user in userList)
        {
            if (FindLine(passwd, user.Name) < 0)
            {
                var uid = FreeId(passwd);
                var gid = group[FindLine(group, user.Group)].Split(':')[2];
                passwd.Add($"{user.Name}:x:{uid}:{gid}:{user.Description}:{user.Home}:{user.Shell}");
                shadow?.Add($"{user.Name}:!:1::::::");
                changes.Add($"added user {user.Name} (uid {uid})");
            }
            foreach (var extra in user.ExtraGroups)
            {
                var index = FindLine(group, extra);
                var fields = group[index].Split(':');
                while (fields.Length < 4) fields = [.. fields, ""];
                var members = fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
                if (members.Contains(user.Name)) continue;
                members.Add(user.Name);
                fields[3] = string.Join(',', members);
                group[index] = string.Join(':', fields);
                changes.Add($"added {user.Name} to group {extra}");
            }
        }

        if (changes.Count == 0) return changes;
        using var etc = _root.OpenOrCreateDirectory("/etc");
        Write(etc, "group", group, UnixModes.PublicFile);
        Write(etc, "passwd", passwd, UnixModes.PublicFile);
        if (shadow is not null) Write(etc, "shadow", shadow, UnixModes.GroupReadable);
        return changes;
    }

    private List<string> Read(string file) => _root.TryReadAllText("/etc/" + file) is { } text ? Lines(text) : [];

    private static List<string> Lines(string text)
    {
        var lines = text.Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    private static int FindLine(List<string> lines, string name) =>
        lines.FindIndex(l => l.StartsWith(name + ":", StringComparison.Ordinal));

    private static int FreeId(List<string> lines)
    {
        var used = lines.Select(l => l.Split(':')).Where(f => f.Length > 2)
            .Select(f => int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1)
            .ToHashSet();
        for (var id = LastSystemId; id >= FirstSystemId; id--)
        {
            if (!used.Contains(id)) return id;
        }
        throw new InvalidOperationException($"no free system id between {FirstSystemId} and {LastSystemId}");
    }

    private void Write(RootedDirectory etc, string file, List<string> lines, UnixFileMode defaultMode)
    {
        var status = etc.Status(file);
        var mode = status?.Mode ?? defaultMode;
        var (user, group) = status is null ? ("root", "root") : _ownership.NamesOf(status);
        var text = new StringBuilder();
        foreach (var line in lines) text.Append(line).Append('\n');
        using var transaction = new FileTransaction(etc, _ownership);
        transaction.StageFile(file, Encoding.UTF8.GetBytes(text.ToString()), mode, user, group);
        transaction.Commit();
    }
}
