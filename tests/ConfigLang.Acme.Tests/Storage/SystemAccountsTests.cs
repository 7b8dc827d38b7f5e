using System.Runtime.Versioning;

using ConfigLang.Acme.Storage;

namespace ConfigLang.Acme.Tests.Storage;

[UnsupportedOSPlatform("windows")]
public sealed class SystemAccountsTests : IDisposable
{
    private readonly TempRoot _root = new(withUsers: false);

    public void Dispose() => _root.Dispose();

    private string Etc(string file) => _root.File_("etc", file);

    private static SystemGroup[] G(string[] names) => [.. names.Select(n => new SystemGroup(n))];

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

        var changes = new SystemAccounts(_root.Path).Ensure(G(["acme"]), [acme]);

        Assert.Equal(["added group acme (gid 998)", "added user acme (uid 998)"], changes);
        Assert.EndsWith("acme:x:998:998::/var/lib/acme:/usr/sbin/nologin\n", File.ReadAllText(Etc("passwd")));
        Assert.EndsWith("acme:x:998:\n", File.ReadAllText(Etc("group")));
        // Locked, as useradd leaves a system account, with today as the last password change.
        Assert.Matches("\nacme:!:[0-9]+::::::\n$", File.ReadAllText(Etc("shadow")));
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

        var changes = new SystemAccounts(_root.Path).Ensure(G([]), [acme, nginx]);

        Assert.Contains("added nginx to group acme", changes);
        Assert.Contains("acme:x:998:nginx\n", File.ReadAllText(Etc("group")));
    }

    [Fact]
    public void Running_twice_changes_nothing_the_second_time()
    {
        Seed();
        var users = new[] { new SystemUser("acme", "acme", "/var/lib/acme", []), new SystemUser("nginx", "nginx", "/var/empty", ["acme"]) };
        new SystemAccounts(_root.Path).Ensure(G(["acme"]), users);
        var passwd = File.ReadAllText(Etc("passwd"));
        var group = File.ReadAllText(Etc("group"));

        Assert.Empty(new SystemAccounts(_root.Path).Ensure(G(["acme"]), users));
        Assert.Equal(passwd, File.ReadAllText(Etc("passwd")));
        Assert.Equal(group, File.ReadAllText(Etc("group")));
    }

    [Fact]
    public void Files_keep_their_modes_and_no_temporary_files_remain()
    {
        Seed();
        new SystemAccounts(_root.Path).Ensure(G(["acme"]), [new SystemUser("acme", "acme", "/var/lib/acme", [])]);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Etc("shadow")));
        // shadow-utils' own backups and lock, as on any host; nothing else.
        Assert.Equal([".pwd.lock", "group", "group-", "passwd", "passwd-", "shadow", "shadow-"],
            Directory.GetFiles(_root.File_("etc")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_empty_root_gets_new_files()
    {
        var changes = new SystemAccounts(_root.Path).Ensure(G([]), [new SystemUser("acme", "acme", "/var/lib/acme", [])]);

        Assert.Equal(2, changes.Count);
        Assert.Equal("acme:x:999:999::/var/lib/acme:/usr/sbin/nologin\n", File.ReadAllText(Etc("passwd")));
        Assert.Equal("acme:x:999:\n", File.ReadAllText(Etc("group")));
        Assert.Matches("^acme:!:[0-9]+::::::\n$", File.ReadAllText(Etc("shadow")));
        Assert.Equal("acme:!::\n", File.ReadAllText(Etc("gshadow")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(Etc("passwd")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Etc("shadow")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Etc("gshadow")));
    }

    /// <summary>Each hostile entry, as the configuration could hand it over if an option type let it through.</summary>
    public static TheoryData<string, string[], SystemUser[]> HostileEntries()
    {
        static SystemUser User(string name = "svc", string group = "svc", string home = "/var/empty", string[]? extra = null,
            string shell = "/usr/sbin/nologin", string description = "") => new(name, group, home, extra ?? [], shell, description);
        return new()
        {
            { "group name \"evil:x:0:\\nroot2\"", ["evil:x:0:\nroot2"], [] },
            { "group name \"root2\\n\"", ["root2\n"], [] },
            { "group name \"a\\u0000b\"", ["a\0b"], [] },
            { "group name \"\"", [""], [] },
            { "user name \"evil:x:0:0::/:/bin/sh\"", [], [User(name: "evil:x:0:0::/:/bin/sh")] },
            { "primary group of user \"svc\"", [], [User(group: "root\nwheel")] },
            { "extra group of user \"svc\"", [], [User(extra: ["wheel", "root:x:0:svc"])] },
            // A comma would make the user a member of two groups, or add a second member.
            { "extra group of user \"svc\"", [], [User(extra: ["a,b"])] },
            { "user name \"svc,root\"", [], [User(name: "svc,root")] },
            { "home directory of user \"svc\"", [], [User(home: "/x:0:0")] },
            { "shell of user \"svc\"", [], [User(shell: "/bin/sh\nroot2:x:0:0::/:/bin/sh")] },
            { "description of user \"svc\"", [], [User(description: "A \r B")] },
            { "home mode of user \"svc\"", [], [User() with { HomeMode = "700\nUSERGROUPS_ENAB=yes" }] },
        };
    }

    [Theory]
    [MemberData(nameof(HostileEntries))]
    public void A_name_or_field_that_would_not_stay_one_field_is_refused_and_no_file_changes(string what, string[] groups, SystemUser[] users)
    {
        Seed();
        var before = new[] { "passwd", "group", "shadow" }.ToDictionary(f => f, f => File.ReadAllBytes(Etc(f)));
        // A valid entry alongside: nothing of it may be written either.
        var acme = new SystemUser("acme", "acme", "/var/lib/acme", []);

        var error = Assert.Throws<UnsafeAccountEntryException>(() => new SystemAccounts(_root.Path).Ensure(G(["acme", .. groups]), [acme, .. users]));

        Assert.StartsWith($"the {what} ", error.Message);
        Assert.Contains(" cannot be written to the account files under --root: it ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain('\0', error.Message);
        foreach (var (file, bytes) in before) Assert.Equal(bytes, File.ReadAllBytes(Etc(file)));
        Assert.Equal(["group", "passwd", "shadow"], Directory.GetFiles(_root.File_("etc")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_link_where_a_backup_of_the_account_files_belongs_is_refused_before_any_tool_runs()
    {
        Seed();
        using var outside = new OutsideTree();
        File.CreateSymbolicLink(Etc("shadow-"), outside.Victim);
        var passwd = File.ReadAllBytes(Etc("passwd"));

        var error = Assert.Throws<UnsafePathException>(() => new SystemAccounts(_root.Path).Ensure(G(["acme"]), [new SystemUser("acme", "acme", "/var/lib/acme", [])]));

        Assert.Equal(Etc("shadow-"), error.Path);
        Assert.Equal(passwd, File.ReadAllBytes(Etc("passwd")));
        outside.AssertUnchanged();
    }

    [Fact]
    public void A_refused_entry_in_an_empty_root_creates_nothing()
    {
        Assert.Throws<UnsafeAccountEntryException>(() =>
            new SystemAccounts(_root.Path).Ensure(G(["acme", "evil:x:0:"]), [new SystemUser("acme", "acme", "/var/lib/acme", [])]));

        Assert.False(Directory.Exists(_root.File_("etc")));
    }

    [Fact]
    public void Names_the_type_allows_still_work()
    {
        Seed();
        var changes = new SystemAccounts(_root.Path).Ensure(G(["acme", "machine$"]),
            [new SystemUser("John.Doe", "users-1", "/home/John.Doe", ["acme"], "/bin/sh", "John Doe, room 1")]);

        Assert.Contains("added user John.Doe (uid 998)", changes);
        Assert.Contains("John.Doe:x:998:996:John Doe, room 1:/home/John.Doe:/bin/sh\n", File.ReadAllText(Etc("passwd")));
        Assert.Contains("acme:x:998:John.Doe\n", File.ReadAllText(Etc("group")));
    }

    [Fact]
    public void A_fresh_root_gets_consistent_account_files_that_pwck_and_grpck_find_nothing_wrong_with()
    {
        // The shell the accounts get, as the host has it.
        Directory.CreateDirectory(_root.File_("usr", "sbin"));
        File.Copy("/usr/sbin/nologin", _root.File_("usr", "sbin", "nologin"));
        SystemUser[] users =
        [
            new("acme", "acme", "/var/lib/acme", []),
            new("nginx", "nginx", "/var/empty", ["acme"]),
            new("postfix", "postfix", "/var/spool/postfix", ["acme", "certs"], Description: "Postfix mail server"),
        ];

        var changes = new SystemAccounts(_root.Path).Ensure(G(["acme", "certs"]), users);

        Assert.Contains("added postfix to group certs", changes);
        Assert.Contains("\nacme:x:999:nginx,postfix\n", "\n" + File.ReadAllText(Etc("group")));
        Assert.Contains("\nacme:!::nginx,postfix\n", "\n" + File.ReadAllText(Etc("gshadow")));
        Assert.Equal(("", 0), Check("pwck", "passwd", "shadow"));
        Assert.Equal(("", 0), Check("grpck", "group", "gshadow"));
        Assert.Empty(new SystemAccounts(_root.Path).Ensure(G(["acme", "certs"]), users));
    }

    [Fact]
    public void Declared_groups_users_members_ids_and_people_are_made_as_declared_and_pwck_and_grpck_find_nothing_wrong()
    {
        Directory.CreateDirectory(_root.File_("usr", "sbin"));
        Directory.CreateDirectory(_root.File_("bin"));
        File.Copy("/usr/sbin/nologin", _root.File_("usr", "sbin", "nologin"));
        File.Copy("/bin/bash", _root.File_("bin", "bash"));
        SystemGroup[] groups =
        [
            new("root", 0), new("users", 100), new("acme"),
            // Members declared on the group's side only; "ghost" is no account, so shadow-utils cannot add it.
            new("nginx") { Members = ["reposilite", "syncplay", "ghost"] },
            new("reposilite"), new("syncplay"), new("media", 1500) { Members = ["alice"] },
        ];
        SystemUser[] users =
        [
            new("root", "root", "/root", [], "/bin/bash", "System administrator") { Id = 0, CreateHome = true },
            new("nginx", "nginx", "/var/empty", ["acme"]),
            new("reposilite", "reposilite", "/var/lib/reposilite", []),
            new("syncplay", "syncplay", "/var/empty", []) { Id = 480 },
            new("alice", "users", "/home/alice", ["acme"], "/bin/bash", "Alice Q. User") { IsSystem = false, CreateHome = true, HomeMode = "750" },
        ];

        var changes = new SystemAccounts(_root.Path).Ensure(groups, users);

        var group = "\n" + File.ReadAllText(Etc("group"));
        var passwd = "\n" + File.ReadAllText(Etc("passwd"));
        Assert.Contains("\nnginx:x:", group);
        Assert.Matches("\nnginx:x:[0-9]+:reposilite,syncplay\n", group);
        Assert.Matches("\nnginx:!::reposilite,syncplay\n", "\n" + File.ReadAllText(Etc("gshadow")));
        Assert.Matches("\nacme:x:[0-9]+:(nginx,alice|alice,nginx)\n", group);
        Assert.Contains("\nmedia:x:1500:alice\n", group);
        Assert.Contains("\nusers:x:100:\n", group);
        Assert.Contains("\nroot:x:0:0:System administrator:/root:/bin/bash\n", passwd);
        Assert.Matches("\nsyncplay:x:480:[0-9]+::/var/empty:/usr/sbin/nologin\n", passwd);
        // A person: an id from the normal range, the home made with its mode.
        Assert.Contains("\nalice:x:1000:100:Alice Q. User:/home/alice:/bin/bash\n", passwd);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute,
            File.GetUnixFileMode(_root.File_("home", "alice")));
        Assert.Matches("\nreposilite:x:[0-9]{3}:", passwd);
        Assert.DoesNotContain("ghost", group);
        Assert.Contains("added syncplay to group nginx", changes);
        Assert.Equal((UnixFileMode)0b101_101_101, File.GetUnixFileMode(_root.File_("var", "empty")));
        Assert.Equal(("", 0), Check("pwck", "passwd", "shadow"));
        Assert.Equal(("", 0), Check("grpck", "group", "gshadow"));
        Assert.Empty(new SystemAccounts(_root.Path).Ensure(groups, users));
    }

    [Fact]
    public void A_declared_gid_another_group_has_is_left_to_the_tools_and_an_existing_account_joins_as_a_member()
    {
        Seed();
        File.AppendAllText(Etc("group"), "daemon:x:1:\n");

        var changes = new SystemAccounts(_root.Path).Ensure([new SystemGroup("wheel", 1) { Members = ["nginx"] }], []);

        Assert.Contains("added nginx to group wheel", changes);
        Assert.Matches("\nwheel:x:(?!1:)[0-9]+:nginx\n", File.ReadAllText(Etc("group")));
    }

    [Fact]
    public void Pwck_reports_an_entry_the_tools_would_not_have_written_so_the_check_above_is_real()
    {
        Directory.CreateDirectory(_root.File_("usr", "sbin"));
        File.Copy("/usr/sbin/nologin", _root.File_("usr", "sbin", "nologin"));
        new SystemAccounts(_root.Path).Ensure(G(["acme"]), [new SystemUser("acme", "acme", "/var/lib/acme", [])]);
        File.AppendAllText(Etc("passwd"), "byhand:x:990:990::/var/empty:/usr/sbin/nologin\n");

        var (output, code) = Check("pwck", "passwd", "shadow");

        Assert.NotEqual(0, code);
        Assert.Contains("byhand", output);
    }

    /// <summary>
    /// pwck/grpck read-only, as root in the root (<c>-R</c>, a chroot); otherwise on the files
    /// themselves (the shells then checked on this machine, which has them too).
    /// </summary>
    private (string Output, int ExitCode) Check(string program, string file, string shadowFile)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments = Environment.IsPrivilegedProcess ? ["-r", "-R", _root.Path] : ["-r", Etc(file), Etc(shadowFile)];
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var output = process.StandardError.ReadToEnd() + stdout.Result;
        process.WaitForExit();
        return (output.Trim(), process.ExitCode);
    }
}
