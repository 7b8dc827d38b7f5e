using ConfigLang.Acme.Storage;

namespace ConfigLang.Cli.Commands;

/// <summary>
/// The <c>configlang renew</c> command line the per-certificate units run, recorded at rebuild time:
/// the configuration, the search path and what renewing needs from the rebuild's flags (a CA to
/// trust, a service manager other than systemd, a timeout). Paths inside <c>--root</c> are written
/// as the host sees them, and <c>--root</c> itself is left out: the units run on the host whose
/// <c>/</c> it is. <c>--cert NAME</c> is added per unit.
/// </summary>
public static class RenewUnitCommandLine
{
    public static IReadOnlyList<string> For(string root, string configPath, IReadOnlyList<string> searchPath, string serviceManager, string? caFile, string? timeout)
    {
        var rooted = new RootedFileSystem(root);
        // A path outside the root (a test's, a demo's) is named as it is: there is no better guess.
        string AsHost(string path) => rooted.HostPath(path) ?? Path.GetFullPath(path);

        var program = System.Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "configlang" ? self : "configlang";
        List<string> command = [Path.IsPathRooted(program) ? rooted.HostPath(program) ?? program : program, "renew", AsHost(configPath)];
        foreach (var entry in searchPath)
        {
            // NAME=DIR or DIR; a URL or <nixpkgs>-style entry is passed on as written.
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            var (name, directory) = equals < 0 ? ("", entry) : (entry[..(equals + 1)], entry[(equals + 1)..]);
            command.AddRange(["-I", name + (directory.Contains("://", StringComparison.Ordinal) ? directory : AsHost(directory))]);
        }
        if (serviceManager != "systemd") command.AddRange(["--service-manager", serviceManager]);
        if (caFile is not null) command.AddRange(["--ca-file", AsHost(caFile)]);
        if (timeout is not null) command.AddRange(["--timeout", timeout.Trim()]);
        return command;
    }
}
