using System.Diagnostics;
using System.Globalization;

namespace ConfigLang.Acme.Storage;

/// <summary>
/// Adds missing users and groups (with their declared ids where free, system or not, the home
/// made where asked), and missing group memberships, under the root through
/// the host's own shadow-utils (<c>groupadd -r</c>, <c>useradd -r</c>, <c>usermod -a -G</c>), so
/// passwd, group, shadow and gshadow stay consistent and locked as shadow-utils and nscd expect,
/// and <c>pwck</c>/<c>grpck</c> find nothing to report. (systemd-sysusers refuses names such as
/// <c>John.Doe</c> that NixOS accepts.) Running as root the tools chroot into the root
/// (<c>--root</c>); otherwise they get <c>--prefix</c>, after a check that none of the account files
/// or their backups and locks is a link they could be led through. A fresh root gets empty
/// account files first (shadow and gshadow 0600, as nothing else may read them). Existing lines are
/// left as they are.
/// </summary>
public sealed class SystemAccounts(string root)
{
    private static readonly string[] AccountFiles = ["passwd", "group", "shadow", "gshadow"];

    private const string EmptyHome = "/var/empty";

    private readonly RootedFileSystem _root = new(root);

    /// <summary>
    /// Makes sure the groups and users exist; returns what was changed, one phrase each. A name or
    /// field that cannot be written as one is an <see cref="UnsafeAccountEntryException"/> before
    /// any file is read or written; a tool that fails is an <see cref="IOException"/> with its output.
    /// </summary>
    public IReadOnlyList<string> Ensure(IEnumerable<SystemGroup> groups, IEnumerable<SystemUser> users)
    {
        var groupList = groups.ToArray();
        var userList = users.ToArray();
        AccountFileFields.Check(groupList, userList);
        var before = Accounts.Read(_root);
        var declaredIds = groupList.Where(g => g.Id is not null).GroupBy(g => g.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var missingGroups = groupList.Select(g => g.Name).Concat(userList.Select(u => u.Group)).Concat(userList.SelectMany(u => u.ExtraGroups))
            .Distinct(StringComparer.Ordinal).Where(g => !before.GroupIds.ContainsKey(g)).ToList();
        var missingUsers = userList.Where(u => !before.UserIds.ContainsKey(u.Name)).ToList();
        // Who must be in which group: a user's extra groups and a group's members, whichever side declares it.
        var wanted = userList.SelectMany(u => u.ExtraGroups.Where(g => g != u.Group).Select(g => (User: u.Name, Group: g)))
            .Concat(groupList.SelectMany(g => g.Members.Select(m => (User: m, Group: g.Name))))
            .Distinct().ToList();
        var known = new HashSet<string>(before.UserIds.Keys.Concat(userList.Select(u => u.Name)), StringComparer.Ordinal);
        var memberships = wanted.Where(m => known.Contains(m.User) && !before.IsMember(m.User, m.Group) && !IsPrimary(m.User, m.Group))
            .GroupBy(m => m.User, StringComparer.Ordinal).Select(m => (User: m.Key, Groups: m.Select(x => x.Group).Distinct(StringComparer.Ordinal).ToList())).ToList();
        if (missingGroups.Count == 0 && missingUsers.Count == 0 && memberships.Count == 0) return [];

        var location = Prepare();
        var takenGroupIds = before.GroupIds.Values.ToHashSet();
        foreach (var group in missingGroups)
        {
            // A declared gid another group already has (NixOS's wheel is gid 1, Debian's daemon too) is left to the tools.
            var id = declaredIds.GetValueOrDefault(group);
            var useId = id is { } free && takenGroupIds.Add(free);
            Run($"add the group '{group}'", "groupadd", [.. location, .. useId ? ["--gid", Text(id!.Value)] : (string[])[], .. id is null or < 1000 ? ["--system"] : (string[])[], group]);
        }
        var takenUserIds = before.UserIds.Values.ToHashSet();
        foreach (var user in missingUsers)
        {
            var useId = user.Id is { } free && takenUserIds.Add(free);
            // -N: the primary group was made above. The home is the service's (made by its unit or ConfigLang) unless createHome;
            // HOME_MODE is read as C reads a number, so a leading 0 keeps NixOS's octal homeMode octal.
            Run($"add the user '{user.Name}'", "useradd", [.. location, .. user.IsSystem ? ["--system"] : (string[])[], .. useId ? ["--uid", Text(user.Id!.Value)] : (string[])[],
                .. user.CreateHome ? ["--create-home", "--key", "HOME_MODE=0" + user.HomeMode] : (string[])["--no-create-home"],
                "--no-user-group", "--gid", user.Group, "--home-dir", user.Home, "--shell", user.Shell, "--comment", user.Description, user.Name]);
        }
        // The shared home of service accounts, which NixOS's activation makes (root, 0555): pwck checks it exists.
        if (missingUsers.Any(u => u.Home == EmptyHome))
        {
            using var existing = _root.TryOpenDirectory(EmptyHome);
            if (existing is null) _root.CreateDirectory(EmptyHome, (UnixFileMode)0b101_101_101).Dispose();
        }
        foreach (var (user, extra) in memberships) Run($"add the user '{user}' to the groups {string.Join(", ", extra)}", "usermod", [.. location, "--append", "--groups", string.Join(',', extra), user]);

        var after = Accounts.Read(_root);
        var changes = new List<string>();
        changes.AddRange(missingGroups.Where(after.GroupIds.ContainsKey).Select(g => $"added group {g} (gid {after.GroupIds[g]})"));
        changes.AddRange(missingUsers.Where(u => after.UserIds.ContainsKey(u.Name)).Select(u => $"added user {u.Name} (uid {after.UserIds[u.Name]})"));
        foreach (var (user, extra) in memberships) changes.AddRange(extra.Where(g => after.IsMember(user, g)).Select(g => $"added {user} to group {g}"));
        return changes;

        // A member whose primary group it is needs no entry in the group line (usermod would add one).
        bool IsPrimary(string user, string group) =>
            userList.FirstOrDefault(u => u.Name == user) is { } declared ? declared.Group == group : before.PrimaryGroupIds.TryGetValue(user, out var gid) && before.GroupIds.GetValueOrDefault(group, -2) == gid;
    }

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Makes <c>/etc</c> and the account files the tools need (empty when the root has none),
    /// refuses links where they or the tools' backups and locks are, and says how to point the tools at the root.
    /// </summary>
    private string[] Prepare()
    {
        using var etc = _root.OpenOrCreateDirectory("/etc");
        foreach (var file in AccountFiles.SelectMany(f => new[] { f, f + "-", f + ".lock" }).Append(".pwd.lock"))
        {
            if (etc.Status(file) is { } status && status.Kind != EntryKind.File)
            {
                throw new UnsafePathException(etc.PathOf(file), RootedDirectory.Describe(status.Kind));
            }
        }
        // A root with a passwd but no shadow is the host's choice (the tools then keep no shadow entries).
        if (!etc.FileExists("passwd")) CreateEmpty(etc, ["passwd", "shadow"]);
        if (!etc.FileExists("group")) CreateEmpty(etc, ["group", "gshadow"]);
        return Environment.IsPrivilegedProcess ? ["--root", _root.Root] : ["--prefix", _root.Root];
    }

    private static void CreateEmpty(RootedDirectory etc, string[] files)
    {
        foreach (var file in files.Where(f => !etc.Exists(f)))
        {
            using var created = etc.CreateNew(file, file.EndsWith("shadow", StringComparison.Ordinal) ? UnixModes.OwnerReadWrite : UnixModes.PublicFile);
        }
    }

    /// <summary>Runs one shadow-utils tool; its failure says what it was to do, for which account, and the tool's own words.</summary>
    private void Run(string task, string program, IReadOnlyList<string> arguments)
    {
        Process process;
        try
        {
            process = Process.Start(ProgramPath.StartInfo(program, arguments)) ?? throw new IOException($"cannot start {program}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            // A tool that is there but not executable needs its mode mended, not installing.
            var hint = e is ProgramNotOnPathException { NotExecutable: not null } ? "" : "; install shadow-utils (Debian's passwd package)";
            throw new IOException($"cannot {task} under {_root.Root}: {program} cannot be started ({ProgramStartError.Reason(program, null, e)}){hint}");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                var output = (stdout.Result + stderr).Trim();
                // The tool's own message names the cause ("cannot lock /etc/group; try again later"); the command line lets the admin rerun it.
                throw new IOException($"cannot {task} under {_root.Root}: {program} exited with {process.ExitCode}" +
                    (output.Length > 0 ? $" and said \"{output.ReplaceLineEndings("; ")}\"" : "") + $" (the command was: {program} {string.Join(' ', arguments)})");
            }
        }
    }

    /// <summary>What the account files under the root say: ids by name and group members.</summary>
    private sealed record Accounts(Dictionary<string, int> UserIds, Dictionary<string, int> PrimaryGroupIds, Dictionary<string, int> GroupIds, Dictionary<string, HashSet<string>> Members)
    {
        public bool IsMember(string user, string group) => Members.TryGetValue(group, out var members) && members.Contains(user);

        public static Accounts Read(RootedFileSystem root)
        {
            var users = new Dictionary<string, int>(StringComparer.Ordinal);
            var primaries = new Dictionary<string, int>(StringComparer.Ordinal);
            var groups = new Dictionary<string, int>(StringComparer.Ordinal);
            var members = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var fields in Entries(root, "passwd").Where(f => f.Length > 3))
            {
                users.TryAdd(fields[0], Id(fields[2]));
                primaries.TryAdd(fields[0], Id(fields[3]));
            }
            foreach (var fields in Entries(root, "group").Where(f => f.Length > 2))
            {
                groups.TryAdd(fields[0], Id(fields[2]));
                members.TryAdd(fields[0], fields.Length > 3 ? [.. fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries)] : []);
            }
            return new Accounts(users, primaries, groups, members);
        }

        private static IEnumerable<string[]> Entries(RootedFileSystem root, string file) =>
            (root.TryReadAllText("/etc/" + file) ?? "").Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split(':'));

        private static int Id(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1;
    }
}
