using System.Diagnostics;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using ConfigLang.Acme.Tests.Storage;
using ConfigLang.TestSupport;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// What rebuild says when a file it needs cannot be read or written, each provoked for real (the
/// tests run as root, so by a directory, garbage, an immutable path or a read-only tmpfs rather
/// than a chmod): one sentence naming the flag or path, the cause in words and the fix, the exit
/// code of the contract (2 for a bad --ca-file, 3 for a write that failed), and never the content
/// of a file that may hold a key.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class RebuildFileErrorTextTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("configlang-fileerrors-");
    private readonly List<string> _immutable = [];

    public void Dispose()
    {
        foreach (var path in _immutable) Chattr("-i", path);
        _work.Delete(recursive: true);
    }

    private static string Minimal => Path.Combine(RepositoryRoot.Path, "examples", "minimal", "host.nix");

    private string Work(params string[] parts) => Path.Combine([_work.FullName, .. parts]);

    private static CliRun Rebuild(string root, params string[] extra) =>
        CliRun.Invoke(["rebuild", Minimal, "--root", root, "--service-manager", "none", .. extra]);

    private void MakeImmutable(string path)
    {
        Chattr("+i", path);
        _immutable.Add(path);
    }

    private static void Chattr(string flag, string path)
    {
        using var process = Process.Start("chattr", [flag, path]);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"chattr {flag} {path} failed (the tests need root)");
    }

    private static void AssertNoRawText(CliRun run)
    {
        foreach (var raw in new[] { "   at ", "inner exception", "Exception", "Read-only file system", "Operation not permitted" })
        {
            Assert.DoesNotContain(raw, run.Stderr);
        }
    }

    [Fact]
    public void A_ca_file_that_is_a_directory_is_named_as_one()
    {
        var root = Work("root");

        var run = Rebuild(root, "--ca-file", _work.FullName);

        Assert.True(run.ExitCode == 2, run.Stderr);
        Assert.Equal($"error[CL9001]: --ca-file '{_work.FullName}' is a directory; pass the CA certificate file in it (a PEM file such as pebble.minica.pem)\n", run.Stderr);
        Assert.False(Directory.Exists(root));
    }

    [Fact]
    public void A_ca_file_holding_a_private_key_says_it_has_no_certificate_and_never_prints_the_key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = key.ExportPkcs8PrivateKeyPem();
        var caFile = Work("ca.pem");
        File.WriteAllText(caFile, pem);

        var run = Rebuild(Work("root"), "--ca-file", caFile);

        Assert.True(run.ExitCode == 2, run.Stderr);
        Assert.Equal($"error[CL9001]: --ca-file '{caFile}' is not a readable PEM certificate: it has no '-----BEGIN CERTIFICATE-----' line " +
            "(a private key, a DER file or another file?); pass the CA's certificate in PEM form\n", run.Stderr);
        Assert.DoesNotContain(pem.Split('\n')[1], run.Stdout + run.Stderr);
    }

    [Fact]
    public void A_ca_file_with_a_damaged_certificate_block_says_it_does_not_decode()
    {
        var caFile = Work("ca.pem");
        File.WriteAllText(caFile, "-----BEGIN CERTIFICATE-----\nTUlJQmtUQ0NBVGVnQXdJQkFnSUlaW5vdCBhIGNlcnRpZmljYXRl\n-----END CERTIFICATE-----\n");

        var run = Rebuild(Work("root"), "--ca-file", caFile);

        Assert.True(run.ExitCode == 2, run.Stderr);
        Assert.Equal($"error[CL9001]: --ca-file '{caFile}' is not a readable PEM certificate: its CERTIFICATE block does not decode " +
            "(damaged base64 or not a certificate); pass the CA's certificate file again\n", run.Stderr);
    }

    [Fact]
    public void A_read_only_root_stops_at_the_lock_with_the_directory_and_remount_as_the_fix()
    {
        using var root = new TmpfsRoot();
        root.MakeReadOnly();

        var run = Rebuild(root.Path);

        Assert.True(run.ExitCode == 3, run.Stderr);
        Assert.Contains($"error: cannot create the directory {root.Path}/run: the file system is mounted read-only; " +
            "remount it read-write (or choose another --root) and run again\n", run.Stderr);
        AssertNoRawText(run);
    }

    [Fact]
    public void A_full_root_stops_at_the_lock_naming_the_lock_file_and_the_fix()
    {
        using var root = new TmpfsRoot(sizeKiB: 64);
        root.Fill();

        var run = Rebuild(root.Path);

        Assert.True(run.ExitCode == 3, run.Stderr);
        Assert.Contains($"error: cannot write {root.Path}/run/configlang/lock/rebuild.lock: no space is left on that file system; free some space on it and run again\n", run.Stderr);
        AssertNoRawText(run);
        Assert.DoesNotContain("No space left on device", run.Stderr);
    }

    [Fact]
    public void A_stale_group_lock_names_the_group_being_added_and_groupadds_own_words()
    {
        var root = Work("root");
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        // Left by a groupadd that was killed: shadow-utils refuses to touch /etc/group until it is removed.
        File.WriteAllText(Path.Combine(root, "etc", "group.lock"), "");

        var run = Rebuild(root);

        Assert.True(run.ExitCode == 3, run.Stderr);
        Assert.Matches($"error: cannot add the group '[a-z]+' under {System.Text.RegularExpressions.Regex.Escape(root)}: groupadd exited with 10 and said " +
            "\"groupadd: existing lock file /etc/group.lock without a PID; groupadd: cannot lock /etc/group; try again later.\" \\(the command was: groupadd ", run.Stderr);
        AssertNoRawText(run);
    }

    [Fact]
    public void Missing_shadow_utils_name_the_group_being_added_and_the_package_to_install()
    {
        var root = Work("root");

        // A host without groupadd on PATH (a process of its own: PATH is the whole process's).
        var run = CliProcess.Run(new Dictionary<string, string> { ["PATH"] = "/nonexistent-bin" }, ["rebuild", Minimal, "--root", root, "--service-manager", "none"]);

        Assert.True(run.ExitCode == 3, run.Stderr);
        Assert.Matches($"error: cannot add the group '[a-z]+' under {System.Text.RegularExpressions.Regex.Escape(root)}: groupadd cannot be started " +
            "\\(groupadd is not installed or not on PATH \\(/nonexistent-bin\\)\\); install shadow-utils \\(Debian's passwd package\\)\n", run.Stderr);
        AssertNoRawText(run);
    }

    [Fact]
    public void A_groupadd_that_may_not_be_executed_is_named_without_sending_the_user_to_install_it()
    {
        var root = Work("root");
        var bin = Directory.CreateDirectory(Work("bin")).FullName;
        var groupadd = Path.Combine(bin, "groupadd");
        File.WriteAllText(groupadd, "#!/bin/sh\n");
        File.SetUnixFileMode(groupadd, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var run = CliProcess.Run(new Dictionary<string, string> { ["PATH"] = bin }, ["rebuild", Minimal, "--root", root, "--service-manager", "none"]);

        Assert.True(run.ExitCode == 3, run.Stderr);
        // Its mode needs mending, not an install.
        Assert.Matches($"error: cannot add the group '[a-z]+' under {System.Text.RegularExpressions.Regex.Escape(root)}: groupadd cannot be started " +
            $"\\(groupadd was found at {System.Text.RegularExpressions.Regex.Escape(groupadd)} but is not executable\\)\n", run.Stderr);
        AssertNoRawText(run);
    }

    [Fact]
    public void An_immutable_nginx_conf_is_named_with_chattr_as_the_fix()
    {
        var root = Work("root");
        var nginxConf = Path.Combine(root, "etc", "nginx", "nginx.conf");
        Directory.CreateDirectory(Path.GetDirectoryName(nginxConf)!);
        File.WriteAllText(nginxConf, "events {}\n");
        MakeImmutable(nginxConf);

        var run = Rebuild(root);

        Assert.True(run.ExitCode == 3, run.Stderr);
        Assert.Matches($"error: nginx.conf was not written: cannot [a-z ]+ {System.Text.RegularExpressions.Regex.Escape(root)}/etc/nginx/nginx.conf[^ ]*: " +
            "the operation is not permitted \\(as root this usually means the file or its directory is immutable: check with lsattr, clear with chattr -i\\)\n", run.Stderr);
        Assert.Equal("events {}\n", File.ReadAllText(nginxConf));
        AssertNoRawText(run);
    }

    [Fact]
    public void An_immutable_unit_directory_is_named_with_chattr_as_the_fix()
    {
        var root = Work("root");
        var units = Path.Combine(root, "etc", "systemd", "system");
        Directory.CreateDirectory(units);
        MakeImmutable(units);

        var run = Rebuild(root);

        Assert.True(run.ExitCode == 3, run.Stderr);
        Assert.Matches($"error: the renew units \\(acme-NAME.service and .timer\\) were not written: cannot [a-z ]+ {System.Text.RegularExpressions.Regex.Escape(units)}[^ ]*: " +
            "the operation is not permitted \\(as root this usually means the file or its directory is immutable: check with lsattr, clear with chattr -i\\)\n", run.Stderr);
        AssertNoRawText(run);
    }
}
