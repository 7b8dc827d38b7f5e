namespace ConfigLang.Acme.Storage;

/// <summary>What a directory entry is, seen without following it.</summary>
public enum EntryKind
{
    /// <summary>A regular file.</summary>
    File,
    /// <summary>A directory.</summary>
    Directory,
    /// <summary>A symbolic link (never followed under the root).</summary>
    Symlink,
    /// <summary>A device, FIFO or socket.</summary>
    Other,
}
