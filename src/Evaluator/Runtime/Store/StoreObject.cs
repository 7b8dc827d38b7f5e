namespace ConfigLang.Evaluator.Runtime.Store;

/// <summary>
/// A file-system object held in the evaluation's own store: a regular file, a directory or a
/// symlink, as a NAR archive describes them. Immutable once added.
/// </summary>
public abstract record StoreObject
{
    /// <summary>What an object costs the store besides its contents (its node and its name), so many empty files still count.</summary>
    public const long Overhead = 64;

    /// <summary>The bytes the object counts against the store's limit, its entries included.</summary>
    public abstract long Size { get; }

    /// <summary>The name <c>readDir</c> and <c>readFileType</c> give this kind of object.</summary>
    public abstract string Kind { get; }
}

/// <summary>A regular file and whether it is executable.</summary>
public sealed record StoreFile(byte[] Contents, bool Executable = false) : StoreObject
{
    public override long Size => Overhead + Contents.Length;

    public override string Kind => "regular";
}

/// <summary>A directory; its entries are kept in the byte order NAR archives list them in.</summary>
public sealed record StoreDirectory(SortedDictionary<string, StoreObject> Entries) : StoreObject
{
    public StoreDirectory() : this(new SortedDictionary<string, StoreObject>(StringComparer.Ordinal)) { }

    public override long Size => Overhead + Entries.Sum(e => e.Key.Length + e.Value.Size);

    public override string Kind => "directory";
}

/// <summary>A symbolic link, kept as written (relative targets resolve against its directory).</summary>
public sealed record StoreSymlink(string Target) : StoreObject
{
    public override long Size => Overhead + Target.Length;

    public override string Kind => "symlink";
}
