using System.Text;

namespace ConfigLang.Acme.HostConfig;

/// <summary>
/// Writes generated configuration only when its content changed, atomically (a temporary file
/// in the same directory renamed over the target), so a reader never sees half a file and an
/// unchanged file keeps its timestamp (no needless reloads).
/// </summary>
public static class GeneratedFileWriter
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> with <paramref name="mode"/>; reports whether it changed.</summary>
    public static GeneratedFile Write(string path, string content, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)) return new GeneratedFile(path, false);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            if (File.Exists(temporary)) File.Delete(temporary);
            using (var stream = new FileStream(temporary, Storage.UnixModes.CreateNew(mode)))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            Storage.UnixModes.Set(temporary, mode);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
        return new GeneratedFile(path, true);
    }
}
