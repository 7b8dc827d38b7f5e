using System.Text;

namespace ConfigLang.Cli.Tests;

/// <summary>A secret a host's configuration names (a cluster key, a credentials file), written as a host keeps it.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class SecretFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="file"/> (and its folders): owner-only
    /// from the moment the file exists, so the secret is never readable by others, not even for an
    /// instant; whole or not at all (written beside it, then renamed over the old one); and a
    /// symlink at <paramref name="file"/> is replaced, never followed to write elsewhere.
    /// </summary>
    public static void Write(string file, string content)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        Directory.CreateDirectory(folder);
        var beside = Path.Combine(folder, $".{Path.GetFileName(file)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = CreateOwnerOnly(beside)) stream.Write(Encoding.UTF8.GetBytes(content));
            // rename(2): atomic, and it replaces a symlink at the target instead of following it.
            File.Move(beside, file, overwrite: true);
        }
        catch
        {
            File.Delete(beside);
            throw;
        }
    }

    /// <summary>
    /// A new, empty file at <paramref name="path"/>, owner-only in the call that creates it (the mode
    /// goes to open(2) itself, never narrowed after); an existing file or symlink there is an error.
    /// </summary>
    internal static FileStream CreateOwnerOnly(string path) =>
        new(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly });
}
