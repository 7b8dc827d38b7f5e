using System.Diagnostics;

namespace ConfigLang.Acme.Tests.HostConfig;

/// <summary>
/// A root systemd-analyze can verify units in: the host's unit library (sysinit.target and the
/// rest every unit depends on) copied under it, and the programs units start present in it.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class SystemdRoot
{
    public static void Prepare(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, "etc", "systemd", "system"));
        Run("cp", "-a", "/usr/lib/systemd/system", Path.Combine(root, "usr", "lib", "systemd") + "/");
        Executable(root, "/usr/bin/configlang");
    }

    public static void Executable(string root, string hostPath)
    {
        var path = root + hostPath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#!/bin/sh\n");
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
    }

    /// <summary><c>systemd-analyze --root ROOT verify UNIT…</c>: exit code and everything it printed.</summary>
    public static (int ExitCode, string Output) Verify(string root, IEnumerable<string> units) =>
        Run("systemd-analyze", ["--root", root, "verify", "--man=no", .. units]);

    private static (int ExitCode, string Output) Run(string program, params string[] arguments)
    {
        if (program == "cp") Directory.CreateDirectory(arguments[^1]);
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var output = process.StandardError.ReadToEnd() + stdout.Result;
        process.WaitForExit();
        if (program == "cp" && process.ExitCode != 0) throw new InvalidOperationException(output);
        return (process.ExitCode, output);
    }
}
