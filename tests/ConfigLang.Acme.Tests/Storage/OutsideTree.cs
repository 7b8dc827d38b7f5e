using System.Diagnostics;

namespace ConfigLang.Acme.Tests.Storage;

/// <summary>
/// A directory beyond the root that planted symlinks point into: a victim key file (0600) and
/// a subdirectory with another file, all owned by a foreign uid/gid, and a snapshot of every
/// entry's type, mode, owner, size, mtime and content hash (taken with stat and sha256sum, so
/// nothing of the code under test is used to check it) to show a run changed nothing there.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class OutsideTree : IDisposable
{
    /// <summary>The uid and gid the outside files belong to (nobody the root's etc/passwd knows).</summary>
    public const int ForeignId = 4242;

    private readonly string _before;

    public OutsideTree()
    {
        File.WriteAllText(Victim, "-----BEGIN PRIVATE KEY-----\nnot yours\n-----END PRIVATE KEY-----\n");
        File.SetUnixFileMode(Victim, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "sub"));
        File.WriteAllText(System.IO.Path.Combine(Path, "sub", "other.conf"), "unrelated\n");
        Shell($"chown -R {ForeignId}:{ForeignId} '{Path}' && chmod 0700 '{Path}' && touch -d '2020-01-01 00:00:00' '{Path}' '{Victim}' '{Path}/sub' '{Path}/sub/other.conf'");
        _before = Snapshot();
    }

    /// <summary>The directory (a fresh temporary one, outside every root).</summary>
    public string Path { get; } = Directory.CreateTempSubdirectory("configlang-outside-").FullName;

    /// <summary>A file holding a key that is not ours.</summary>
    public string Victim => System.IO.Path.Combine(Path, "victim.pem");

    /// <summary>Fails with the difference when anything under <see cref="Path"/> changed or appeared.</summary>
    public void AssertUnchanged() => Assert.Equal(_before, Snapshot());

    public void Dispose() => Directory.Delete(Path, recursive: true);

    private string Snapshot() => Shell(
        $"cd '{Path}' && find . -exec stat -c '%n %F %a %u:%g %s %Y' {{}} + | sort && find . -type f -exec sha256sum {{}} + | sort");

    private static string Shell(string script)
    {
        var start = new ProcessStartInfo("/bin/sh", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{script}: {error}");
        return output;
    }
}
