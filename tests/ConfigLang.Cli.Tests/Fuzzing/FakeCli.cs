namespace ConfigLang.Cli.Tests.Fuzzing;

/// <summary>A stand-in for the CLI: a bash script that fails (or not) the way a test needs.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public static class FakeCli
{
    public static string Write(string folder, string script)
    {
        var path = Path.Combine(folder, $"fake-cli-{Guid.NewGuid():N}.sh");
        File.WriteAllText(path, "#!/bin/bash\n" + script + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
