using System.Diagnostics;
using ConfigLang.TestSupport;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// <c>users.users.NAME.shell</c> reaches the account that rebuild makes with the host's useradd,
/// and an account without it gets NixOS's choice (nologin for a system user, bash for a person);
/// pwck, which checks every shell exists in the root, finds nothing wrong.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UserShellTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("configlang-shell-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public void A_declared_shell_is_the_accounts_shell_and_undeclared_ones_follow_the_account_kind()
    {
        var root = Path.Combine(_work.FullName, "root");
        foreach (var shell in new[] { "/bin/bash", "/bin/sh", "/usr/sbin/nologin" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(root + shell)!);
            File.Copy(shell, root + shell);
        }
        var host = Path.Combine(_work.FullName, "host.nix");
        File.WriteAllText(host, """
            { ... }: {
              users.users.alice = { isNormalUser = true; shell = "/bin/sh"; home = "/home/alice"; group = "users"; };
              users.users.bob = { isNormalUser = true; home = "/home/bob"; group = "users"; };
              users.users.backup = { isSystemUser = true; group = "backup"; shell = "/bin/bash"; };
              users.users.daemon = { isSystemUser = true; group = "daemon"; };
              users.groups.backup = { };
              users.groups.daemon = { };
            }
            """);

        var run = CliRun.Invoke("rebuild", host, "--root", root, "--service-manager", "none");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var shells = File.ReadAllLines(Path.Combine(root, "etc", "passwd")).Select(l => l.Split(':')).ToDictionary(f => f[0], f => f[6]);
        Assert.Equal("/bin/sh", shells["alice"]);
        Assert.Equal("/bin/bash", shells["bob"]);
        Assert.Equal("/bin/bash", shells["backup"]);
        Assert.Equal("/usr/sbin/nologin", shells["daemon"]);
        Assert.Equal(("", 0), Tool("pwck", "-r", "-R", root));
    }

    [Fact]
    public void A_relative_shell_is_a_type_error_at_the_option()
    {
        var host = Path.Combine(_work.FullName, "host.nix");
        File.WriteAllText(host, """
            { ... }: {
              users.users.alice = { isNormalUser = true; shell = "zsh"; group = "users"; };
            }
            """);

        var run = CliRun.Invoke("lint", host);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("users.users.alice.shell", run.Stderr);
        Assert.Contains($"--> {host}:2:", run.Stderr);
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
}
