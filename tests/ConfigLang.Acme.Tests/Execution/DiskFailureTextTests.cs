using System.Runtime.Versioning;
using ConfigLang.Acme.Execution;
using ConfigLang.Acme.Storage;
using ConfigLang.Acme.Tests.Storage;

namespace ConfigLang.Acme.Tests.Execution;

/// <summary>
/// Disk failures while installing, provoked for real on a small tmpfs (a chmod stops nothing when
/// the tests run as root): a read-only root and a full one fail the certificate with a sentence
/// naming the path, the cause in words and the fix, not "mkdir PATH: Read-only file system" or
/// .NET's pathless "No space left on device"; and no key material in any message.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class DiskFailureTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    // Nothing listens on port 1 of loopback: no order is ever placed, only the placeholder is installed.
    private const string DeadServer = "https://127.0.0.1:1/dir";

    /// <summary>The accounts already exist, so the run's first write is the certificate's.</summary>
    private static void SeedAccounts(TmpfsRoot root)
    {
        Directory.CreateDirectory(root.File_("etc"));
        File.WriteAllText(root.File_("etc", "passwd"), "root:x:0:0::/root:/bin/sh\nnginx:x:60:60::/var/empty:/usr/sbin/nologin\nacme:x:990:990::/var/lib/acme:/usr/sbin/nologin\n");
        File.WriteAllText(root.File_("etc", "group"), "root:x:0:\nnginx:x:60:\nacme:x:990:nginx\n");
    }

    private static async Task<ExecutionError> PlaceholderFailureAsync(TmpfsRoot root)
    {
        var summary = await new PlanExecutor(root.Path, new FakeClock(Now), PlanExecutor.ClientsTrusting(null), new NoServiceManager())
            .RunAsync([ExecutorRequests.Http("disk.example.test", DeadServer)], ExecutorRequests.Options());
        Assert.Equal(3, summary.ExitCode);
        var outcome = Assert.Single(summary.Certificates);
        Assert.False(outcome.PlaceholderInstalled);
        Assert.DoesNotContain("PRIVATE KEY", outcome.Error!.Message);
        return outcome.Error;
    }

    [Fact]
    public async Task A_read_only_root_fails_the_placeholder_with_the_path_and_remount_as_the_fix()
    {
        using var root = new TmpfsRoot();
        SeedAccounts(root);
        root.MakeReadOnly();

        var error = await PlaceholderFailureAsync(root);

        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(error.Message, $"^the self-signed placeholder could not be installed: cannot create the directory {root.Path}/var[^ ]*: " +
            "the file system is mounted read-only; remount it read-write \\(or choose another --root\\) and run again$"), error.Message);
        Assert.DoesNotContain("Read-only file system", error.Message);
    }

    [Fact]
    public async Task A_full_disk_fails_the_placeholder_naming_the_file_being_written_and_the_fix()
    {
        using var root = new TmpfsRoot();
        SeedAccounts(root);
        Directory.CreateDirectory(root.File_("var", "lib", "acme"));
        root.Fill();

        var error = await PlaceholderFailureAsync(root);

        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(error.Message, $"^the self-signed placeholder could not be installed: cannot [a-z ]+ {root.Path}/var/lib/acme/[^ ]+: " +
            "no space is left on that file system; free some space on it and run again$"), error.Message);
        Assert.DoesNotContain("No space left on device", error.Message);
    }

    [Fact]
    public void A_shadow_utils_failure_names_the_group_and_the_tools_own_words()
    {
        using var root = new TempRoot(withUsers: false);
        Directory.CreateDirectory(root.File_("etc"));
        File.WriteAllText(root.File_("etc", "passwd"), "root:x:0:0::/root:/bin/sh\n");
        File.WriteAllText(root.File_("etc", "group"), "root:x:0:\n");
        // A lock left behind by a groupadd that was killed: the tools refuse to touch the file.
        File.WriteAllText(root.File_("etc", "group.lock"), "");

        var error = Assert.ThrowsAny<IOException>(() => new SystemAccounts(root.Path).Ensure([new SystemGroup("acme")], []));

        Assert.StartsWith($"cannot add the group 'acme' under {root.Path}: groupadd exited with 10 and said \"groupadd: existing lock file /etc/group.lock without a PID; " +
            "groupadd: cannot lock /etc/group; try again later.\"", error.Message);
        Assert.EndsWith($"(the command was: groupadd --root {root.Path} --system acme)", error.Message);
    }
}
