using System.Diagnostics;

namespace ConfigLang.Acme.Tests.Storage;

/// <summary>
/// A host root on its own small tmpfs, for the disk failures a chmod cannot make when the tests run
/// as root: a file system mounted read-only, or one that is full. Needs mount(8) and the right to
/// mount (root); without them the test fails, it is not skipped. Unmounted and removed on dispose.
/// </summary>
internal sealed class TmpfsRoot : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("configlang-tmpfs-").FullName;

    /// <param name="sizeKiB">The file system's size: small, so a test can fill it.</param>
    public TmpfsRoot(int sizeKiB = 256) => Run("mount", "-t", "tmpfs", "-o", $"size={sizeKiB}k,mode=0755", "tmpfs", Path);

    public string File_(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>From now on every write fails with EROFS.</summary>
    public void MakeReadOnly() => Run("mount", "-o", "remount,ro", Path);

    /// <summary>Fills the file system, so the next write of any size fails with ENOSPC.</summary>
    public void Fill()
    {
        using var filler = new FileStream(File_("filler"), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        var block = new byte[4096];
        try
        {
            while (true) filler.Write(block);
        }
        catch (IOException)
        {
            // Full: what the test wanted.
        }
    }

    public void Dispose()
    {
        Run("umount", Path);
        Directory.Delete(Path, recursive: true);
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr}");
    }
}
