using ConfigLang.Acme.Execution;
using ConfigLang.Acme.HostConfig;
using ConfigLang.Acme.Model;
using ConfigLang.Acme.Storage;
using ConfigLang.Acme.Tests.Storage;

namespace ConfigLang.Acme.Tests.Execution;

/// <summary>
/// What a killed or careless earlier run leaves is cleaned up by the next one: temporaries (which
/// may hold private keys) are removed under the lock before anything is written, and directories
/// with a wrong mode (made under umask 000, say) get their NixOS mode back on every run.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LeftoversAndModesTests : IDisposable
{
    private const string Name = "a.example.test";
    private const string DeadServer = "https://127.0.0.1:1/dir";
    private const string Key = "-----BEGIN EC PRIVATE KEY-----\nleft behind\n-----END EC PRIVATE KEY-----\n";

    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    private static PlanExecutor Executor(string root) =>
        new(root, new FakeClock(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero)), PlanExecutor.ClientsTrusting(null), new NoServiceManager());

    private string Put(string relative, string content = Key)
    {
        var path = _root.File_(relative.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Temporaries_of_a_killed_run_are_removed_at_the_start_of_the_next_and_nothing_else()
    {
        var account = new AccountSpec(DeadServer, KeyType.Ec256, "admin@example.test").Hash;
        string[] leftovers =
        [
            Put($"var/lib/acme/{Name}/.key.pem.tmp-0123456789ab"),
            Put($"var/lib/acme/{Name}/.key.pem.old.tmp-aaaaaaaaaaaa"),
            Put($"var/lib/acme/retired.example.test/.full.pem.tmp-bbbbbbbbbbbb"),
            Put($"var/lib/acme/.accounts/{account}/.key.pem.tmp-cccccccccccc"),
            Put("var/lib/acme/.minica/.key.pem.tmp-dddddddddddd"),
            Put("etc/.passwd.tmp-eeeeeeeeeeee", "root:x:0:0::/root:/bin/sh\n"),
            Put("etc/nginx/.nginx.conf.tmp-ffffffffffff", "events {}\n"),
            Put("etc/systemd/system/.configlang-renew.timer.tmp-012345abcdef", "[Timer]\n"),
        ];
        string[] kept =
        [
            Put($"var/lib/acme/{Name}/notes.tmp-0123456789ab", "mine\n"),
            Put("etc/nginx/.nginx.conf.tmp-handmade", "mine\n"),
            Put("etc/.hidden.tmp-01234567", "mine\n"),
            Put("srv/.key.pem.tmp-0123456789ab", "not a directory we write\n"),
        ];
        var progress = new List<RebuildProgress>();

        // Dry runs write nothing, so they remove nothing either.
        await Executor(_root.Path).RunAsync([ExecutorRequests.Http(Name, DeadServer)], ExecutorRequests.Options() with { DryRun = true });
        Assert.All(leftovers, path => Assert.True(File.Exists(path), path));

        await Executor(_root.Path).RunAsync([ExecutorRequests.Http(Name, DeadServer)], ExecutorRequests.Options(),
            new SynchronousProgress<RebuildProgress>(progress.Add));

        Assert.All(leftovers, path => Assert.False(File.Exists(path), path));
        Assert.All(kept, path => Assert.True(File.Exists(path), path));
        Assert.Equal(leftovers.Order(StringComparer.Ordinal),
            progress.Where(p => p.Certificate == "(cleanup)" && p.Step == "removed").Select(p => p.Detail!).Order(StringComparer.Ordinal));
        // The run itself leaves none of its own behind.
        Assert.Empty(Directory.EnumerateFiles(_root.Path, "*.tmp-*", SearchOption.AllDirectories)
            .Where(p => LeftoverFiles.IsTemporary(Path.GetFileName(p))).Except(kept));
    }

    [Fact]
    public async Task Directories_with_a_wrong_mode_from_before_get_their_NixOS_mode_back()
    {
        var account = new AccountSpec(DeadServer, KeyType.Ec256, "admin@example.test").Hash;
        var wide = (UnixFileMode)0b111_111_111;
        string[] directories = ["var/lib/acme", $"var/lib/acme/{Name}", "var/lib/acme/.accounts", $"var/lib/acme/.accounts/{account}", "run/configlang"];
        foreach (var directory in directories)
        {
            Directory.CreateDirectory(_root.File_(directory.Split('/')));
            File.SetUnixFileMode(_root.File_(directory.Split('/')), wide);
        }

        // As a rebuild runs: the command takes the lock (which repairs run/configlang), then the executor.
        using (RebuildLock.Acquire(_root.Path))
        {
            await Executor(_root.Path).RunAsync([ExecutorRequests.Http(Name, DeadServer)], ExecutorRequests.Options());
        }

        Assert.Equal(
            ["0755", "0750", "0700", "0700", "0755"],
            directories.Select(d => UnixModes.Format(File.GetUnixFileMode(_root.File_(d.Split('/'))))));
    }

    [Fact]
    public void Generated_files_repair_their_directory_even_when_the_content_is_unchanged()
    {
        var root = new RootedFileSystem(_root.Path);
        Assert.True(GeneratedFileWriter.Write(root, "/etc/nginx/nginx.conf", "events {}\n").Changed);
        File.SetUnixFileMode(_root.File_("etc", "nginx"), (UnixFileMode)0b111_111_111);

        Assert.False(GeneratedFileWriter.Write(root, "/etc/nginx/nginx.conf", "events {}\n").Changed);

        Assert.Equal(UnixModes.PublicDirectory, File.GetUnixFileMode(_root.File_("etc", "nginx")));
        Assert.Equal(UnixModes.PublicFile, File.GetUnixFileMode(_root.File_("etc", "nginx", "nginx.conf")));
    }
}
