namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// A user or group name (or passwd field) that would add lines or members to the account files:
/// lint reports it at the user's definition (exit 1), preview and rebuild exit 1 before anything
/// under the root is written, so ROOT/etc/group and ROOT/etc/passwd keep their bytes (issue 13).
/// </summary>
public sealed class HostileAccountNamesTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("configlang-hostile-accounts-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Root => Path.Combine(_dir.FullName, "root");

    private const string Group = "root:x:0:\nnginx:x:60:\n";
    private const string Passwd = "root:x:0:0::/root:/bin/sh\nnginx:x:60:60::/var/empty:/usr/sbin/nologin\n";

    // Line 9 holds the hostile definition; nginx is on, so a rebuild that went ahead would write nginx.conf and units.
    private string Host(string line)
    {
        var path = Path.Combine(_dir.FullName, "host.nix");
        File.WriteAllText(path, $$"""
            { config, ... }:
            {
              security.acme.acceptTerms = true;
              security.acme.defaults.email = "admin@example.org";
              security.acme.defaults.server = "https://127.0.0.1:9/dir";
              security.acme.certs."example.org".listenHTTP = ":80";
              networking.firewall.allowedTCPPorts = [ 80 443 ];
              services.nginx.enable = true;
            {{line}}
              services.nginx.virtualHosts."example.org".locations."/".return = "200";
            }
            """);
        return path;
    }

    private void PlantAccounts()
    {
        Directory.CreateDirectory(Path.Combine(Root, "etc"));
        File.WriteAllText(Path.Combine(Root, "etc", "group"), Group);
        File.WriteAllText(Path.Combine(Root, "etc", "passwd"), Passwd);
    }

    private void AssertRootUntouched()
    {
        Assert.Equal(Group, File.ReadAllText(Path.Combine(Root, "etc", "group")));
        Assert.Equal(Passwd, File.ReadAllText(Path.Combine(Root, "etc", "passwd")));
        Assert.Equal([Path.Combine(Root, "etc", "group"), Path.Combine(Root, "etc", "passwd")],
            Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories).Where(File.Exists).Order(StringComparer.Ordinal));
        Assert.Equal([Path.Combine(Root, "etc")], Directory.EnumerateDirectories(Root, "*", SearchOption.AllDirectories));
    }

    private const string Injection = "\"evil:x:0:\\nroot2\"";

    /// <summary>The hostile line, the column lint points at (0: any), and what the message says.</summary>
    public static TheoryData<string, string, int, string> Definitions()
    {
        var data = new TheoryData<string, string, int, string>();
        (string Line, int Column, string Message)[] cases =
        [
            ($"  security.acme.certs.\"example.org\".group = {Injection};", 0, "option `security.acme.certs.\"example.org\".group' is not of type `user or group name"),
            ($"  security.acme.defaults.group = {Injection};", 0, "option `security.acme.defaults.group' is not of type `user or group name"),
            // The certificate's owner is no option any more (NixOS's removed `user`): its assertion refuses it.
            ($"  security.acme.certs.\"example.org\".user = {Injection};", 0, "no longer has any effect"),
            ($"  users.users.\"evil:x:0:\" = {{ isSystemUser = true; group = \"nginx\"; }};", 15, "The name \"evil:x:0:\" in `users.users' is not a user or group name"),
            ($"  users.users.nginx.group = {Injection};", 0, "option `users.users.nginx.group' is not of type"),
            ($"  users.users.nginx.extraGroups = [ \"acme\" {Injection} ];", 0, "option `users.users.nginx.extraGroups"),
            ($"  users.users.nginx.description = \"nginx\\nroot2:x:0:0::/:/bin/sh\";", 0, "option `users.users.nginx.description' is not of type"),
            ($"  users.groups.\"root2\\nwheel\" = {{ }};", 16, "The name \"root2\\nwheel\" in `users.groups' is not a user or group name"),
            ("  users.groups.nginx.members = [ \"nginx,root\" ];", 0, "option `users.groups.nginx.members"),
            ($"  services.nginx.group = {Injection};", 0, "option `services.nginx.group' is not of type `user or group name"),
        ];
        foreach (var command in new[] { "lint", "preview", "rebuild" })
        {
            foreach (var (line, column, message) in cases) data.Add(command, line, column, message);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void A_name_that_would_inject_into_the_account_files_is_a_located_error_and_nothing_is_written(string command, string line, int column, string message)
    {
        var host = Host(line);
        PlantAccounts();

        var run = command switch
        {
            "lint" => CliRun.Invoke("lint", host),
            "preview" => CliRun.Invoke("preview", host, "--root", Root),
            _ => CliRun.Invoke("rebuild", host, "--root", Root, "--service-manager", "none"),
        };

        Assert.True(run.ExitCode == 1, run.Stderr);
        Assert.Contains(message, run.Stderr);
        // A value is pointed at where it is defined, an attribute name at itself.
        Assert.Contains(column == 0 ? $"--> {host}:9:" : $"--> {host}:9:{column}", run.Stderr);
        Assert.DoesNotContain("Unhandled", run.Stderr);
        AssertRootUntouched();
    }

    [Fact]
    public void Accounts_with_usual_names_are_added_to_the_account_files()
    {
        // nginx serves the certificate, so rebuild makes its account a member of the certificate's group.
        var host = Host("  users.users.nginx.extraGroups = [ \"acme\" ]; services.nginx.virtualHosts.\"example.org\" = { addSSL = true; useACMEHost = \"example.org\"; };");
        PlantAccounts();

        var run = CliRun.Invoke("rebuild", host, "--root", Root, "--service-manager", "none");

        // The CA at 127.0.0.1:9 is unreachable, so certificates fail (exit 3); the accounts are in place before that.
        Assert.DoesNotContain("Unhandled", run.Stderr);
        var group = File.ReadAllText(Path.Combine(Root, "etc", "group"));
        Assert.StartsWith(Group, group);
        Assert.Matches("\nacme:x:[0-9]+:nginx\n", group);
        Assert.DoesNotContain("evil", group);
    }
}
