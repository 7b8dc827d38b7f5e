namespace ConfigLang.Acme.Storage;

/// <summary>
/// Users and groups as listed in <c>&lt;root&gt;/etc/passwd</c> and <c>&lt;root&gt;/etc/group</c>.
/// Names are resolved through the files under the root, never through the host's NSS, so a
/// temporary root in tests (or an image being prepared) has its own users.
/// </summary>
public sealed class UserDatabase
{
    private readonly Dictionary<string, int> _uids;
    private readonly Dictionary<string, int> _gids;
    private readonly Dictionary<int, string> _userNames;
    private readonly Dictionary<int, string> _groupNames;

    private UserDatabase(Dictionary<string, int> uids, Dictionary<string, int> gids)
    {
        _uids = uids;
        _gids = gids;
        _userNames = uids.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.First().Key);
        _groupNames = gids.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.First().Key);
    }

    /// <summary>Reads the two files under <paramref name="root"/>; missing files mean no entries.</summary>
    public static UserDatabase Load(string root) => Load(new RootedFileSystem(root));

    /// <summary>Reads the two files under the root without following symlinks; missing files mean no entries.</summary>
    public static UserDatabase Load(RootedFileSystem root) => new(
        ReadIds(root.TryReadAllText("/etc/passwd"), idField: 2),
        ReadIds(root.TryReadAllText("/etc/group"), idField: 2));

    /// <summary>The uid of a user name, or null when unknown.</summary>
    public int? UserId(string name) => _uids.TryGetValue(name, out var id) ? id : null;

    /// <summary>The gid of a group name, or null when unknown.</summary>
    public int? GroupId(string name) => _gids.TryGetValue(name, out var id) ? id : null;

    /// <summary>The name for a uid, or the number as text.</summary>
    public string UserName(int uid) => _userNames.TryGetValue(uid, out var name) ? name : uid.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The name for a gid, or the number as text.</summary>
    public string GroupName(int gid) => _groupNames.TryGetValue(gid, out var name) ? name : gid.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, int> ReadIds(string? text, int idField)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        if (text is null) return ids;
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var fields = line.Split(':');
            if (fields.Length > idField && int.TryParse(fields[idField], out var id)) ids.TryAdd(fields[0], id);
        }
        return ids;
    }
}
