using System.Diagnostics;
using ConfigLang.Acme.Tests.Storage;
using ConfigLang.Acme.Tests.Testbed;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// Whole <c>configlang rebuild</c> runs against the real ACME testbed (pebble + knot) with a
/// root someone has tampered with: a symlink at each directory or file rebuild writes makes it
/// exit 3 naming the planted path, and nothing beyond the root changes (content, mode, owner,
/// mtime, no new files); a umask of 000 still gives every directory and file its NixOS mode,
/// and a later run repairs modes spoilt in between. DNS-01 (RFC 2136) hosts bind no port.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RebuildHostileRootTests(RebuildHostileRootTests.TestbedFixture fixture)
    : IClassFixture<RebuildHostileRootTests.TestbedFixture>, IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("configlang-hostile-");
    private readonly OutsideTree _outside = new();

    public void Dispose()
    {
        _work.Delete(recursive: true);
        _outside.Dispose();
    }

    /// <summary>One testbed for the class: CI's, else a private one.</summary>
    public sealed class TestbedFixture : IAsyncLifetime
    {
        public Testbed Testbed { get; private set; } = null!;
        public async Task InitializeAsync() => Testbed = Testbed.FromEnvironment() ?? await Testbed.StartAsync();
        public async Task DisposeAsync() => await Testbed.DisposeAsync();
    }

    private sealed record Host(string Root, string Domain, string[] Args)
    {
        public string Path(string relative) => System.IO.Path.Combine([Root, .. relative.Replace("DOMAIN", Domain, StringComparison.Ordinal).Split('/')]);
    }

    private Host NewHost(bool webroot = false)
    {
        var env = fixture.Testbed.Env;
        var zone = env["ACME_DNS_ZONE"];
        var domain = $"hr-{Guid.NewGuid():N}"[..11] + "." + zone;
        var root = Directory.CreateDirectory(Path.Combine(_work.FullName, domain)).FullName;
        var secrets = Directory.CreateDirectory(Path.Combine(root, "run", "secrets"));
        SecretFile.Write(Path.Combine(secrets.FullName, "rfc2136.env"),
            $"RFC2136_NAMESERVER={env["ACME_DNS_SERVER"]}\nRFC2136_TSIG_KEY={env["ACME_TSIG_KEY_NAME"]}\n" +
            $"RFC2136_TSIG_SECRET={env["ACME_TSIG_SECRET"]}\nRFC2136_TSIG_ALGORITHM={env["ACME_TSIG_ALGORITHM"]}.\n");
        var challenge = webroot
            ? "webroot = \"/srv/www\";"
            : "dnsProvider = \"rfc2136\"; dnsPropagationCheck = false; environmentFile = \"/run/secrets/rfc2136.env\";";
        var file = Path.Combine(root + ".nix");
        File.WriteAllText(file, $$"""
            { config, ... }:
            {
              security.acme = {
                acceptTerms = true;
                defaults.email = "admin@{{zone}}";
                defaults.server = "{{env["ACME_DIRECTORY_URL"]}}";
                certs."{{domain}}" = { group = config.services.nginx.group; {{challenge}} };
              };
              networking.firewall.allowedTCPPorts = [ 80 ];
              services.nginx = {
                enable = true;
                virtualHosts."{{domain}}" = {
                  forceSSL = true;
                  useACMEHost = "{{domain}}";
                  locations."/.well-known/".root = "/srv/www";
                };
              };
            }
            """);
        return new Host(root, domain, ["rebuild", file, "--root", root, "--service-manager", "none", "--ca-file", env["ACME_HTTPS_CA_CERT"]]);
    }

    private void Plant(Host host, string relative, bool atFile)
    {
        var link = host.Path(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        // The lock folder as a run made it (a 0755 one is refused before the link is reached).
        if (relative.StartsWith("run/configlang/lock/", StringComparison.Ordinal))
        {
            File.SetUnixFileMode(Path.GetDirectoryName(link)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        File.CreateSymbolicLink(link, atFile ? _outside.Victim : _outside.Path);
    }

    private void AssertRefused(CliRun run, string plantedPath)
    {
        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}\n{run.Stdout}{run.Stderr}");
        Assert.Contains($"{plantedPath} is a symbolic link", run.Stderr);
        Assert.DoesNotContain("Unhandled exception", run.Stderr);
        _outside.AssertUnchanged();
        Assert.NotNull(new FileInfo(plantedPath).LinkTarget);
    }

    [Theory]
    [InlineData("var/lib/acme", false, false)]
    [InlineData("var/lib/acme/DOMAIN", false, false)]
    [InlineData("var/lib/acme/.accounts", false, false)]
    [InlineData("run/configlang/lock/rebuild.lock", true, false)]
    [InlineData("run/configlang/lock", false, false)]
    [InlineData("etc/nginx", false, false)]
    [InlineData("etc/nginx/nginx.conf", true, false)]
    [InlineData("etc/systemd/system", false, false)]
    [InlineData("etc/systemd/system/acme-DOMAIN.service", true, false)]
    [InlineData("etc/systemd/system/timers.target.wants", false, false)]
    [InlineData("srv/www", false, true)]
    [InlineData("srv/www/.well-known", false, true)]
    public void A_planted_symlink_fails_the_rebuild_with_exit_3_naming_it_and_nothing_beyond_the_root_changes(string planted, bool atFile, bool webroot)
    {
        var host = NewHost(webroot);
        Plant(host, planted, atFile);

        var run = CliRun.Invoke(host.Args);

        AssertRefused(run, host.Path(planted));
    }

    [Theory]
    [InlineData("var/lib/acme/DOMAIN", false)]
    [InlineData("run/configlang/lock/rebuild.lock", true)]
    [InlineData("var/lib/acme/.accounts", false)]
    public void Renew_refuses_a_planted_symlink_the_same_way(string planted, bool atFile)
    {
        var host = NewHost();
        Plant(host, planted, atFile);

        var run = CliRun.Invoke(["renew", .. host.Args[1..]]);

        AssertRefused(run, host.Path(planted));
    }

    [Fact]
    public void Preview_reads_nothing_through_a_planted_symlink_and_exits_3()
    {
        var host = NewHost();
        Plant(host, "var/lib/acme/DOMAIN", atFile: false);

        var run = CliRun.Invoke("preview", host.Args[1], "--root", host.Root);

        AssertRefused(run, host.Path("var/lib/acme/DOMAIN"));
    }

    [Fact]
    public void A_key_replaced_by_a_symlink_after_issuance_fails_the_next_rebuild_and_the_target_is_untouched()
    {
        var host = NewHost();
        var first = CliRun.Invoke(host.Args);
        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        var key = host.Path("var/lib/acme/DOMAIN/key.pem");
        File.Delete(key);
        File.CreateSymbolicLink(key, _outside.Victim);

        var second = CliRun.Invoke(host.Args);

        AssertRefused(second, key);
    }

    [Fact]
    public void Under_umask_000_every_directory_and_file_gets_its_NixOS_mode_and_a_later_run_repairs_spoilt_modes()
    {
        var host = NewHost();
        Assert.Equal("0000", UnderUmask000("/bin/sh", "-c", "umask").Output.Trim());
        string[] directories = ["var", "var/lib", "var/lib/acme", "var/lib/acme/DOMAIN", "var/lib/acme/.accounts", "var/lib/acme/.minica",
            "run/configlang", "etc", "etc/nginx", "etc/systemd", "etc/systemd/system"];
        string[] expected = ["0755", "0755", "0755", "0750", "0700", "0755", "0755", "0755", "0755", "0755", "0755"];
        string[] repaired = ["var/lib/acme", "var/lib/acme/DOMAIN", "var/lib/acme/.accounts", "var/lib/acme/.minica", "run/configlang", "etc/nginx", "etc/systemd/system"];

        var first = RunUnderUmask000(host);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Equal(expected, directories.Select(d => Mode(host.Path(d))));
        var account = Directory.GetDirectories(host.Path("var/lib/acme/.accounts")).Single();
        Assert.Equal("0700", Mode(account));
        Assert.Equal("0600", Mode(Path.Combine(account, "key.pem")));
        Assert.Equal(["0640", "0640", "0640", "0640"], new[] { "key.pem", "fullchain.pem", "chain.pem", "full.pem" }.Select(f => Mode(host.Path("var/lib/acme/DOMAIN/" + f))));
        Assert.Equal(["0600", "0600"], new[] { "key.pem", "cert.pem" }.Select(f => Mode(host.Path("var/lib/acme/.minica/" + f))));
        Assert.Equal(["0644", "0644", "0644"], new[] { "etc/nginx/nginx.conf", "etc/systemd/system/acme-DOMAIN.service",
            "etc/systemd/system/acme-DOMAIN.timer" }.Select(f => Mode(host.Path(f))));
        Assert.Equal("0600", Mode(host.Path("run/configlang/lock/rebuild.lock")));
        Assert.Equal("0700", Mode(host.Path("run/configlang/lock")));

        foreach (var directory in repaired) File.SetUnixFileMode(host.Path(directory), (UnixFileMode)0b111_111_111);
        var second = RunUnderUmask000(host);

        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("keep", second.Output);
        Assert.Equal(expected, directories.Select(d => Mode(host.Path(d))));
    }

    private static string Mode(string path) => "0" + Convert.ToString((int)File.GetUnixFileMode(path), 8);

    // umask is per process: the CLI runs as a child (the built configlang.dll beside the tests), not in this test host.
    private static (int ExitCode, string Output) RunUnderUmask000(Host host) =>
        UnderUmask000([Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", "exec", Path.Combine(AppContext.BaseDirectory, "configlang.dll"), .. host.Args]);

    private static (int ExitCode, string Output) UnderUmask000(params string[] command)
    {
        var start = new ProcessStartInfo("/bin/sh", ["-c", "umask 000 && exec \"$@\"", "sh", .. command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
