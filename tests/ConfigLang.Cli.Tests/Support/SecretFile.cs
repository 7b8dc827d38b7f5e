namespace ConfigLang.Cli.Tests;

/// <summary>A secret a host's configuration names (a cluster key, a credentials file), written as a host keeps it.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class SecretFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="file"/> (and its folders), owner-only
    /// before anything is in it, so the secret is never readable by others, not even for a moment.</summary>
    public static void Write(string file, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(file, content);
    }
}
