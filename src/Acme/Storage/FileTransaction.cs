namespace ConfigLang.Acme.Storage;

/// <summary>
/// Replaces several files of one directory so that readers see either all old or all new
/// content, never a half-written file or a loose key:
/// <list type="number">
/// <item>each new file is written beside its target under a temporary name, created with mode
/// 0600 from the first byte, flushed to disk, given its owner, then its final mode;</item>
/// <item><see cref="Commit"/> hard-links every existing target to a backup, renames the new
/// files over the targets, syncs the directory, and drops the backups;</item>
/// <item>if anything fails, renamed targets are restored from their backups and temporary
/// files are removed, so the previous certificate stays in place.</item>
/// </list>
/// </summary>
internal sealed class FileTransaction(string directory, FileOwnership ownership) : IDisposable
{
    private readonly List<(string Temporary, string Target)> _staged = [];

    /// <summary>Test hook: called with each target just before it is replaced.</summary>
    internal Action<string>? BeforeReplace { get; init; }

    /// <summary>Writes <paramref name="content"/> under a temporary name, ready to replace <paramref name="fileName"/>.</summary>
    public void StageFile(string fileName, ReadOnlySpan<byte> content, UnixFileMode mode, string user, string? group)
    {
        var temporary = TemporaryPath(fileName);
        _staged.Add((temporary, Path.Combine(directory, fileName)));
        using (var stream = new FileStream(temporary, UnixModes.CreateNew(UnixModes.OwnerReadWrite)))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        // Owner first, then the (possibly group-readable) final mode: never readable by the wrong group.
        ownership.Set(temporary, user, group);
        UnixModes.Set(temporary, mode);
    }

    /// <summary>Creates a symlink to <paramref name="linkTarget"/> under a temporary name, ready to replace <paramref name="fileName"/>.</summary>
    public void StageSymlink(string fileName, string linkTarget, string user, string? group)
    {
        var temporary = TemporaryPath(fileName);
        _staged.Add((temporary, Path.Combine(directory, fileName)));
        File.CreateSymbolicLink(temporary, linkTarget);
        ownership.Set(temporary, user, group);
    }

    /// <summary>Replaces every target, all or nothing (see the class summary).</summary>
    public void Commit()
    {
        var backups = new List<(string Target, string? Backup)>();
        try
        {
            foreach (var (temporary, target) in _staged)
            {
                string? backup = null;
                if (Exists(target))
                {
                    backup = TemporaryPath(Path.GetFileName(target) + ".old");
                    Posix.Link(target, backup);
                }
                backups.Add((target, backup));
                BeforeReplace?.Invoke(target);
                File.Move(temporary, target, overwrite: true);
            }
            Posix.SyncDirectory(directory);
        }
        catch
        {
            Restore(backups);
            throw;
        }
        finally
        {
            foreach (var (_, backup) in backups)
            {
                if (backup is not null && Exists(backup)) File.Delete(backup);
            }
        }
    }

    private void Restore(List<(string Target, string? Backup)> backups)
    {
        for (var i = backups.Count - 1; i >= 0; i--)
        {
            var (target, backup) = backups[i];
            try
            {
                if (backup is not null) File.Move(backup, target, overwrite: true);
                else if (Exists(target) && !Directory.Exists(target) && _staged.Any(s => s.Target == target)) File.Delete(target);
            }
            catch (IOException)
            {
                // Keep restoring the others; the backup stays on disk for a human if this one failed.
            }
        }
    }

    /// <summary>Removes temporary files left by a transaction that was not committed.</summary>
    public void Dispose()
    {
        foreach (var (temporary, _) in _staged)
        {
            if (Exists(temporary)) File.Delete(temporary);
        }
    }

    private string TemporaryPath(string fileName) =>
        Path.Combine(directory, $".{fileName}.tmp-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6))}");

    // File.Exists is false for a dangling symlink; a link is still something to replace or back up.
    private static bool Exists(string path) => File.Exists(path) || new FileInfo(path).LinkTarget is not null;
}
