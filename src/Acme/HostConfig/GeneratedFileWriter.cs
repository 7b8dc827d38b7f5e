using System.Text;
using ConfigLang.Acme.Storage;

namespace ConfigLang.Acme.HostConfig;

/// <summary>
/// Writes generated configuration under the root only when its content changed, atomically (a
/// temporary file in the same directory renamed over the target, see <see cref="FileTransaction"/>),
/// so a reader never sees half a file and an unchanged file keeps its timestamp (no needless
/// reloads). The directory gets <see cref="DirectoryMode"/> on every run, whatever the umask, and
/// nothing is followed: a symlinked directory or file is an <see cref="UnsafePathException"/>.
/// </summary>
public static class GeneratedFileWriter
{
    /// <summary>Mode of the directories generated files live in (<c>/etc/nginx</c>, <c>/etc/systemd/system</c>), as on NixOS.</summary>
    public const UnixFileMode DirectoryMode = UnixModes.PublicDirectory;

    /// <summary>Mode of generated files.</summary>
    public const UnixFileMode FileMode = UnixModes.PublicFile;

    /// <summary>Writes <paramref name="content"/> to the host path <paramref name="hostPath"/> below <paramref name="root"/>; reports whether it changed.</summary>
    public static GeneratedFile Write(RootedFileSystem root, string hostPath, string content, UnixFileMode mode = FileMode)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var (directoryPath, name) = RootedFileSystem.Split(hostPath);
        using var directory = root.CreateDirectory(directoryPath, DirectoryMode);
        var path = directory.PathOf(name);
        if (directory.TryReadAllBytes(name) is { } existing && existing.AsSpan().SequenceEqual(bytes)) return new GeneratedFile(path, false);
        using var transaction = new FileTransaction(directory, ownership: null);
        transaction.StageFile(name, bytes, mode, user: null, group: null);
        transaction.Commit();
        return new GeneratedFile(path, true);
    }
}
