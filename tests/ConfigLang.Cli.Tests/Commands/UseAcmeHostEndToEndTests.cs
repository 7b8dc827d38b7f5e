using System.Diagnostics;
using ConfigLang.Acme.Tests.HostConfig;
using ConfigLang.Acme.Tests.Testbed;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// Issue 15's end-to-end test: the wiki's "useACMEHost for several services" scenario (the seed's
/// snippet, its names moved into the testbed's zone) rebuilt into a fresh root against the real
/// testbed, then checked with the host's own tools: pwck/grpck and the group lines for the
/// accounts, <c>systemd-analyze verify</c> for the units, <c>nginx -t</c> for nginx, the key's
/// owner, group and mode against each consumer's groups, and a failing postRun run again until it succeeds.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UseAcmeHostEndToEndTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("configlang-useacmehost-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task The_useACMEHost_scenario_rebuilds_into_a_fresh_root_that_the_hosts_tools_accept()
    {
        await using var testbed = Testbed.FromEnvironment() ?? await Testbed.StartAsync();
        var zone = testbed.Env["ACME_DNS_ZONE"];
        var domain = $"ua-{Guid.NewGuid():N}"[..11] + "." + zone;
        var root = Path.Combine(_work.FullName, "root");
        RebuildAgainstTestbedTests.WriteRfc2136Secrets(root, testbed);
        // The shells the accounts get, as the host has them (pwck -R looks for them in the root).
        foreach (var shell in new[] { "/bin/bash", "/usr/sbin/nologin" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(root + shell)!);
            File.Copy(shell, root + shell);
        }
        var allow = Path.Combine(_work.FullName, "allow");
        var host = Path.Combine(_work.FullName, "host.nix");
        File.WriteAllText(host, $$"""
            { config, pkgs, lib, ... }:
            {
              imports = [
                # The seed's snippet, with example.org in the testbed's zone.
                {
                  security.acme.certs."{{domain}}".extraDomainNames = [
                    "syncplay.{{domain}}"
                    "reposilite.{{domain}}"
                    "site2.{{domain}}"
                  ];
                  services.syncplay.useACMEHost = "{{domain}}";
                  services.reposilite.useACMEHost = "{{domain}}";
                  services.nginx.virtualHosts."site2.{{domain}}".useACMEHost = "{{domain}}";
                }
              ];

              security.acme = {
                acceptTerms = true;
                defaults.email = "admin@{{zone}}";
                defaults.server = "{{testbed.Env["ACME_DIRECTORY_URL"]}}";
                certs."{{domain}}" = {
                  dnsProvider = "rfc2136";
                  dnsPropagationCheck = false;
                  environmentFile = "/run/secrets/rfc2136.env";
                  postRun = ''
                    echo ran >> runs.log
                    test -e ${toString {{allow}}}
                  '';
                };
              };

              services.syncplay.enable = true;
              services.reposilite = {
                enable = true;
                settings.sslEnabled = true;
              };
              services.nginx = {
                enable = true;
                virtualHosts."site2.{{domain}}".forceSSL = true;
              };
              networking.firewall.allowedTCPPorts = [ 80 443 8999 ];

              # The certificate keeps its default group `acme`; nginx and reposilite join it.
              users.users.nginx.extraGroups = [ "acme" ];
              users.users.reposilite.extraGroups = [ "acme" ];
              # Accounts no certificate needs, declared all the same (issue 15: they were ignored).
              users.groups.nginx.members = [ "reposilite" ];
              users.groups.media = { gid = 1500; members = [ "alice" ]; };
              users.users.alice = { isNormalUser = true; description = "Alice Q. User"; };
            }
            """);
        string[] args = ["rebuild", host, "--root", root, "--service-manager", "none", "--ca-file", testbed.Env["ACME_HTTPS_CA_CERT"]];
        var certDir = Path.Combine(root, "var", "lib", "acme", domain);
        var runs = Path.Combine(certDir, "runs.log");

        var first = CliRun.Invoke(args);

        // Issued and installed; only the postRun failed, and says it stays pending.
        Assert.True(first.ExitCode == 3, first.Stdout + first.Stderr);
        Assert.Contains($"error: certificate '{domain}': postRun exited with status 1; it stays pending", first.Stderr);
        Assert.Single(File.ReadAllLines(runs));

        // Accounts: what shadow-utils' own checkers accept, with the memberships as declared.
        Assert.Equal(("", 0), Tool("pwck", "-r", "-R", root));
        Assert.Equal(("", 0), Tool("grpck", "-r", "-R", root));
        var accounts = Accounts.Read(root);
        Assert.Equal(["nginx", "reposilite"], accounts.Members("acme"));
        Assert.Equal(["reposilite"], accounts.Members("nginx"));
        Assert.Equal(["alice"], accounts.Members("media"));
        Assert.Equal(1500, accounts.GroupIds["media"]);
        Assert.Equal("alice:x:1000:100:Alice Q. User:/home/alice:/bin/bash", accounts.Passwd["alice"]);
        Assert.True(Directory.Exists(Path.Combine(root, "home", "alice")));

        // Units: the certificate's, and nginx's ordering after it, as systemd reads them.
        var units = Path.Combine(root, "etc", "systemd", "system");
        foreach (var consumer in new[] { "nginx", "reposilite", "syncplay" })
        {
            Assert.Contains($"After=acme-{domain}.service\n", File.ReadAllText(Path.Combine(units, $"{consumer}.service.d", "configlang-acme.conf")));
        }
        SystemdRoot.Prepare(root);
        SystemdRoot.Executable(root, "/usr/sbin/nginx");
        var (verifyCode, verifyOutput) = SystemdRoot.Verify(root, [$"acme-{domain}.service", $"acme-{domain}.timer", "nginx.service"]);
        Assert.True(verifyCode == 0 && verifyOutput.Length == 0, verifyOutput);

        // nginx: the configuration as the host's nginx reads it.
        NginxProcess.CopyHostMimeTypes(Path.Combine(root, "etc", "nginx"));
        var (nginxCode, nginxOutput, nginxText) = NginxProcess.TestAsHostReads(root, Path.Combine(_work.FullName, "nginx"));
        Assert.True(nginxCode == 0, nginxOutput + "\n" + nginxText);
        Assert.Contains($"ssl_certificate_key {root}/var/lib/acme/{domain}/key.pem;", nginxText);

        // The key: readable by nginx's and reposilite's users through their groups (syncplay gets
        // it as a systemd credential, which systemd reads as root), not by a user outside them.
        var key = Path.Combine(certDir, "key.pem");
        foreach (var user in new[] { "nginx", "reposilite" })
        {
            Assert.True(accounts.CanRead(user, certDir, directory: true), $"{user} cannot enter {certDir}");
            Assert.True(accounts.CanRead(user, key, directory: false), $"{user} cannot read {key}");
        }
        Assert.False(accounts.CanRead("alice", key, directory: false), "alice can read the key");

        // The postRun runs again on the next rebuild, fails again, then succeeds and is done.
        var second = CliRun.Invoke(args);
        Assert.True(second.ExitCode == 3, second.Stdout + second.Stderr);
        Assert.Equal(2, File.ReadAllLines(runs).Length);
        File.WriteAllText(allow, "");

        var third = CliRun.Invoke(args);

        Assert.True(third.ExitCode == 0, third.Stdout + third.Stderr);
        Assert.Contains("the pending postRun succeeded", third.Stdout);
        Assert.Equal(3, File.ReadAllLines(runs).Length);
        var fourth = CliRun.Invoke(args);
        Assert.True(fourth.ExitCode == 0, fourth.Stdout + fourth.Stderr);
        Assert.Equal(3, File.ReadAllLines(runs).Length);
        Assert.Equal(("", 0), Tool("pwck", "-r", "-R", root));
        Assert.Equal(("", 0), Tool("grpck", "-r", "-R", root));
    }

    private static (string Output, int ExitCode) Tool(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var output = process.StandardError.ReadToEnd() + stdout.Result;
        process.WaitForExit();
        return (output.Trim(), process.ExitCode);
    }

    /// <summary>The root's account files, and the kernel's permission rule for a user on a file there.</summary>
    private sealed record Accounts(Dictionary<string, string> Passwd, Dictionary<string, int> GroupIds, Dictionary<string, string[]> GroupMembers)
    {
        public static Accounts Read(string root)
        {
            static IEnumerable<string[]> Lines(string root, string file) =>
                File.ReadAllLines(Path.Combine(root, "etc", file)).Where(l => l.Length > 0).Select(l => l.Split(':'));
            return new Accounts(
                Lines(root, "passwd").ToDictionary(f => f[0], f => string.Join(':', f)),
                Lines(root, "group").ToDictionary(f => f[0], f => int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture)),
                Lines(root, "group").ToDictionary(f => f[0], f => f[3].Split(',', StringSplitOptions.RemoveEmptyEntries)));
        }

        public string[] Members(string group) => [.. GroupMembers[group].Order(StringComparer.Ordinal)];

        private int Uid(string user) => int.Parse(Passwd[user].Split(':')[2], System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The user's gids: its primary group and every group listing it.</summary>
        private HashSet<int> Gids(string user) =>
            [int.Parse(Passwd[user].Split(':')[3], System.Globalization.CultureInfo.InvariantCulture),
             .. GroupMembers.Where(g => g.Value.Contains(user)).Select(g => GroupIds[g.Key])];

        /// <summary>Owner bits if the user owns it, else group bits if one of its groups does, else the others' (read, and search for a directory).</summary>
        public bool CanRead(string user, string path, bool directory)
        {
            var (uid, gid, mode) = Stat(path);
            var bits = uid == Uid(user) ? mode >> 6 : Gids(user).Contains(gid) ? mode >> 3 : mode;
            return (bits & 4) != 0 && (!directory || (bits & 1) != 0);
        }

        private static (int Uid, int Gid, int Mode) Stat(string path)
        {
            var (output, code) = Tool("stat", "-c", "%u %g %a", path);
            Assert.Equal(0, code);
            var parts = output.Split(' ');
            return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt32(parts[2], 8));
        }
    }
}
