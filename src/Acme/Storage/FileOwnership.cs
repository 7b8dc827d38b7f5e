using Microsoft.Win32.SafeHandles;

namespace ConfigLang.Acme.Storage;

/// <summary>
/// Gives paths to a user and group named in <c>&lt;root&gt;/etc/passwd</c> and <c>/etc/group</c>.
/// When the process may change owners (root) it does; otherwise it only records what it would
/// have done, so a non-root preview or test still reports the intended ownership.
/// </summary>
public sealed class FileOwnership
{
    private readonly UserDatabase _users;
    private readonly List<OwnershipChange> _changes = [];

    /// <summary>Creates the helper for a root; <paramref name="apply"/> defaults to "running as root".</summary>
    public FileOwnership(string root, bool? apply = null)
    {
        _users = UserDatabase.Load(new RootedFileSystem(root));
        Apply = apply ?? Environment.IsPrivilegedProcess;
    }

    /// <summary>True when owners are really changed.</summary>
    public bool Apply { get; }

    /// <summary>The user database used to resolve names.</summary>
    public UserDatabase Users => _users;

    /// <summary>Every change asked for so far, applied or not.</summary>
    public IReadOnlyList<OwnershipChange> Changes { get { lock (_changes) return _changes.ToArray(); } }

    /// <summary>
    /// Sets owner and group (by name) of the open <paramref name="directory"/> itself; a null
    /// <paramref name="group"/> leaves the group as it is.
    /// </summary>
    public OwnershipChange Set(RootedDirectory directory, string user, string? group) =>
        Set(directory.Path, user, group, directory.SetOwner);

    /// <summary>
    /// Sets owner and group (by name) of the entry <paramref name="entry"/> open in
    /// <paramref name="directory"/> as <paramref name="name"/>: the very file that was created or
    /// checked, even if someone who can write the directory has put another file under that name since.
    /// </summary>
    public OwnershipChange Set(RootedDirectory directory, SafeFileHandle entry, string name, string user, string? group) =>
        Set(directory.PathOf(name), user, group, (uid, gid) => directory.SetOwner(entry, name, uid, gid));

    private OwnershipChange Set(string path, string user, string? group, Action<int, int> apply)
    {
        var uid = _users.UserId(user);
        var gid = group is null ? -1 : _users.GroupId(group);
        OwnershipChange change;
        if (uid is null || gid is null)
        {
            var missing = uid is null ? $"user '{user}' is not in etc/passwd" : $"group '{group}' is not in etc/group";
            change = new OwnershipChange(path, user, group, false, missing);
        }
        else if (!Apply)
        {
            change = new OwnershipChange(path, user, group, false, "not running as root");
        }
        else
        {
            apply(uid.Value, gid.Value);
            change = new OwnershipChange(path, user, group, true);
        }
        lock (_changes) _changes.Add(change);
        return change;
    }

    /// <summary>The owner and group names of an entry seen by <see cref="RootedDirectory.Status()"/>.</summary>
    public (string User, string Group) NamesOf(EntryStatus status) => (_users.UserName(status.Uid), _users.GroupName(status.Gid));

    /// <summary>The current owner and group names of a path.</summary>
    public (string User, string Group) Get(string path)
    {
        var status = PosixAt.Stat(PosixAt.AtFdCwd, path, path) ?? throw new FileNotFoundException($"{path} does not exist", path);
        return NamesOf(status);
    }
}
