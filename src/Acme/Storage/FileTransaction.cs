namespace ConfigLang.Acme.Storage;

/// <summary>
/// Replaces several files of one directory so that readers see either all old or all new
/// content, never a half-written file or a loose key:
/// <list type="number">
/// <item>each new file is created beside its target under a temporary name with mode 0600, given
/// its owner, then its final mode (through the open file, never by name), then written and
/// flushed to disk;</item>
/// <item><see cref="Commit"/> hard-links every existing target to a backup, renames the new
/// files over the targets, syncs the directory, and drops the backups;</item>
/// <item>if anything fails, renamed targets are restored from their backups and temporary
/// files are removed, so the previous certificate stays in place.</item>
/// </list>
/// Everything happens relative to the open <see cref="RootedDirectory"/>, never through a
/// symlink; a run killed halfway leaves temporaries that <see cref="LeftoverFiles"/> removes.
/// </summary>
internal sealed class FileTransaction(RootedDirectory directory, FileOwnership? ownership) : IDisposable
{
    // Each staged file's identity: Commit installs only the file we made, not whatever was put under its name since.
    private readonly List<(string Temporary, string Target, FileIdentity Identity)> _staged = [];

    /// <summary>Test hook: called with each target (full path) just before it is replaced.</summary>
    internal Action<string>? BeforeReplace { get; init; }

    /// <summary>
    /// Test hook: called with each temporary file (full path) right after it is created, where
    /// someone who can write the directory could swap it for another file.
    /// </summary>
    internal Action<string>? AfterCreate { get; init; }

    /// <summary>Names that we ourselves keep as symlinks (cert.pem); any other symlink target is refused.</summary>
    internal IReadOnlySet<string> OwnSymlinks { get; init; } = new HashSet<string>();

    /// <summary>Writes <paramref name="content"/> under a temporary name, ready to replace <paramref name="fileName"/>.</summary>
    /// <remarks>A null <paramref name="user"/> keeps the owner this process creates files with.</remarks>
    public void StageFile(string fileName, ReadOnlySpan<byte> content, UnixFileMode mode, string? user, string? group)
    {
        RefuseForeignTarget(fileName);
        var temporary = LeftoverFiles.TemporaryName(fileName);
        var stream = directory.CreateNew(temporary, UnixModes.OwnerReadWrite);
        try
        {
            _staged.Add((temporary, fileName, directory.StatusOf(stream.SafeFileHandle).Identity));
            AfterCreate?.Invoke(directory.PathOf(temporary));
            // Owner first, then the (possibly group-readable) final mode: never readable by the wrong
            // group. Both through the open file, before any byte of it is written: whoever can write
            // the directory may have put another file (a hard link to /etc/shadow) under its name.
            if (user is not null) ownership?.Set(directory, stream.SafeFileHandle, temporary, user, group);
            directory.SetMode(stream.SafeFileHandle, temporary, mode);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
        try
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        catch (IOException e)
        {
            // A full disk surfaces here, as .NET's text without the path: say which file. Closing
            // retries the buffered write and fails the same way; the first failure is the one to tell.
            try { stream.Dispose(); }
            catch (IOException) { }
            throw FileSystemErrorText.Rewrap(e, "write", directory.PathOf(temporary));
        }
        stream.Dispose();
    }

    /// <summary>Creates a symlink to <paramref name="linkTarget"/> under a temporary name, ready to replace <paramref name="fileName"/>.</summary>
    public void StageSymlink(string fileName, string linkTarget, string user, string? group)
    {
        var temporary = LeftoverFiles.TemporaryName(fileName);
        directory.CreateSymlink(temporary, linkTarget);
        // Known from here on, so Dispose removes it whatever happens next.
        _staged.Add((temporary, fileName, default));
        var index = _staged.Count - 1;
        AfterCreate?.Invoke(directory.PathOf(temporary));
        // The link is judged (and re-owned) through a descriptor of the entry, after checking that it
        // still is a link: a chown by name would reach whatever was put under the name since (a hard link).
        using var entry = directory.TryOpenEntry(temporary) ?? throw new IOException($"{directory.PathOf(temporary)} vanished while it was being made");
        var status = directory.StatusOf(entry);
        if (status.Kind != EntryKind.Symlink)
        {
            throw new UnsafePathException(directory.PathOf(temporary), "no longer the symbolic link just made there (someone who can write the directory replaced it)");
        }
        _staged[index] = (temporary, fileName, status.Identity);
        ownership?.Set(directory, entry, temporary, user, group);
    }

    /// <summary>Replaces every target, all or nothing (see the class summary).</summary>
    public void Commit()
    {
        var backups = new List<(string Target, string? Backup)>();
        try
        {
            foreach (var (temporary, target, identity) in _staged)
            {
                string? backup = null;
                if (directory.Exists(target))
                {
                    backup = LeftoverFiles.TemporaryName(target + ".old");
                    directory.Link(target, backup);
                }
                backups.Add((target, backup));
                BeforeReplace?.Invoke(directory.PathOf(target));
                // Renamed first, then judged where it landed: a check before the rename would leave a
                // moment in which the temporary could be swapped after it was looked at. A stranger
                // found at the target is taken out again by the restore below.
                directory.Rename(temporary, target);
                if (directory.Status(target)?.Identity != identity)
                {
                    throw new UnsafePathException(directory.PathOf(temporary), "no longer the file staged there (someone who can write the directory replaced it)");
                }
            }
            directory.Sync();
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
                if (backup is not null) directory.Delete(backup);
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
                if (backup is not null) directory.Rename(backup, target);
                else if (directory.Status(target) is { Kind: not EntryKind.Directory } && _staged.Any(s => s.Target == target)) directory.Delete(target);
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
        foreach (var (temporary, _, _) in _staged) directory.Delete(temporary);
    }

    // A symlink (or directory, FIFO) where our file goes was planted: renaming over it would be
    // harmless, but it means someone is working against this directory, so stop and say so.
    private void RefuseForeignTarget(string fileName)
    {
        if (directory.Status(fileName) is { Kind: not EntryKind.File } status && !(status.Kind == EntryKind.Symlink && OwnSymlinks.Contains(fileName)))
        {
            throw new UnsafePathException(directory.PathOf(fileName), RootedDirectory.Describe(status.Kind));
        }
    }
}
