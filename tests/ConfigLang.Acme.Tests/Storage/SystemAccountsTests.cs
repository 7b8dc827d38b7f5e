using System.Runtime.Versioning;

using ConfigLang.Acme.Storage;

namespace ConfigLang.Acme.Tests.Storage;

[UnsupportedOSPlatform("windows")]
public sealed class SystemAccountsTests : IDisposable
{
    private readonly TempRoot _root = new(withUsers: false);

    public void Dispose() => _root.Dispose();

    private string Etc(string file) => _root.File_("etc", file);

    private void Seed()
    {
        Directory.CreateDirectory(_root.File_("etc"));
        File.WriteAllText(Etc("passwd"), "root:x:0:0::/root:/bin/sh\nnginx:x:999:999::/var/empty:/usr/sbin/nologin\n");
        File.WriteAllText(Etc("group"), "root:x:0:\nnginx:x:999:\n");
        File.WriteAllText(Etc("shadow"), "root:*:1::::::\n");
        File.SetUnixFileMode(Etc("shadow"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void Missing_acme_user_and_group_are_added_with_free_system_ids()
    {
        Seed();
        var acme = new SystemUser("acme", "acme", "/var/lib/acme", []);

        var changes = new SystemAccounts(_root.Path).Ensure(["acme"], [acme]);

        Assert.Equal(["added group acme (gid 998)", "added user acme (uid 998)"], changes);
        Assert.EndsWith("acme:x:998:998::/var/lib/acme:/usr/sbin/nologin\n", File.ReadAllText(Etc("passwd")));
        Assert.EndsWith("acme:x:998:\n", File.ReadAllText(Etc("group")));
        Assert.EndsWith("acme:!:1::::::\n", File.ReadAllText(Etc("shadow")));
        Assert.StartsWith("root:x:0:0::/root:/bin/sh\nnginx:", File.ReadAllText(Etc("passwd")));
        var users = UserDatabase.Load(_root.Path);
        Assert.Equal(998, users.UserId("acme"));
        Assert.Equal(998, users.GroupId("acme"));
    }

    [Fact]
    public void Extra_groups_become_group_members()
    {
        Seed();
        var nginx = new SystemUser("nginx", "nginx", "/var/empty", ["acme"]);
        var acme = new SystemUser("acme", "acme", "/var/lib/acme", []);

        var changes = new SystemAccounts(_root.Path).Ensure([], [acme, nginx]);

        Assert.Contains("added nginx to group acme", changes);
        Assert.Contains("acme:x:998:nginx\n", File.ReadAllText(Etc("group")));
    }

    [Fact]
    public void Running_twice_changes_nothing_the_second_time()
    {
        Seed();
        var users = new[] { new SystemUser("acme", "acme", "/var/lib/acme", []), new SystemUser("nginx", "nginx", "/var/empty", ["acme"]) };
        new SystemAccounts(_root.Path).Ensure(["acme"], users);
        var passwd = File.ReadAllText(Etc("passwd"));
        var group = File.ReadAllText(Etc("group"));

        Assert.Empty(new SystemAccounts(_root.Path).Ensure(["acme"], users));
        Assert.Equal(passwd, File.ReadAllText(Etc("passwd")));
        Assert.Equal(group, File.ReadAllText(Etc("group")));
    }

    [Fact]
    public void Files_keep_their_modes_and_no_temporary_files_remain()
    {
        Seed();
        new SystemAccounts(_root.Path).Ensure(["acme"], [new SystemUser("acme", "acme", "/var/lib/acme", [])]);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Etc("shadow")));
        Assert.Equal(["group", "passwd", "shadow"], Directory.GetFiles(_root.File_("etc")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void An_empty_root_gets_new_files()
    {
        var changes = new SystemAccounts(_root.Path).Ensure([], [new SystemUser("acme", "acme", "/var/lib/acme", [])]);

        Assert.Equal(2, changes.Count);
        Assert.Equal("acme:x:999:999::/var/lib/acme:/usr/sbin/nologin\n", File.ReadAllText(Etc("passwd")));
        Assert.False(File.Exists(Etc("shadow")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(Etc("passwd")));
    }
}
