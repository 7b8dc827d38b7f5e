using ConfigLang.Evaluator.Lowering;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Store;

/// <summary>
/// The store of one evaluation, in memory: what <c>toFile</c>, <c>derivation</c> (its .drv file)
/// and copying paths (<c>"${./file}"</c>, <c>builtins.path</c>, <c>filterSource</c>) produce. Store
/// paths resolve here and only here, so the result never depends on the machine's /nix/store: a
/// store path this evaluation did not produce is missing. Its total size is bounded, since the
/// program decides what goes in.
/// </summary>
public sealed class EvaluationStore
{
    private readonly Dictionary<string, StoreObject> _objects = new(StringComparer.Ordinal);
    private readonly long _limit;
    private long _size;

    public EvaluationStore(long limit) => _limit = limit;

    /// <summary>The bytes the store holds (contents, names and a fixed cost per object).</summary>
    public long Size => _size;

    /// <summary>Whether <paramref name="path"/> (canonical) is the store directory or inside it, and so answered by the store alone.</summary>
    public static bool Holds(string path) =>
        path == StorePaths.StoreDirectory || path.StartsWith(StorePaths.StoreDirectory + "/", StringComparison.Ordinal);

    /// <summary>Adds <paramref name="contents"/> at <paramref name="storePath"/> (a path is added once: the same path means the same contents).</summary>
    public void Add(string storePath, StoreObject contents, SourceLocation? site)
    {
        var name = storePath[(StorePaths.StoreDirectory.Length + 1)..];
        if (_objects.ContainsKey(name)) return;
        var size = contents.Size;
        EnsureRoom(size, storePath, site);
        _objects[name] = contents;
        _size += size;
    }

    /// <summary>Fails at <paramref name="site"/> when <paramref name="bytes"/> more would take the store past its limit.</summary>
    public void EnsureRoom(long bytes, string what, SourceLocation? site)
    {
        if (_size + bytes <= _limit) return;
        throw EvaluationException.Create(EvaluationDiagnostics.StoreLimit,
            $"the evaluation's store would exceed its limit of {MemoryLimit.Describe(_limit)}: '{what}' needs {MemoryLimit.Describe(bytes)} "
            + $"and the store already holds {MemoryLimit.Describe(_size)}", site);
    }

    /// <summary>
    /// The object at <paramref name="path"/> (canonical, inside the store), without following a
    /// symlink at its end; null when this evaluation produced nothing there. The store directory
    /// itself lists the objects produced.
    /// </summary>
    public StoreObject? Find(string path)
    {
        if (path == StorePaths.StoreDirectory) return Listing();
        var parts = path[(StorePaths.StoreDirectory.Length + 1)..].Split('/');
        if (!_objects.TryGetValue(parts[0], out var node)) return null;
        for (var k = 1; k < parts.Length; k++)
        {
            if (node is not StoreDirectory directory || !directory.Entries.TryGetValue(parts[k], out node)) return null;
        }
        return node;
    }

    /// <summary>The store directory as a directory of the objects produced so far.</summary>
    private StoreDirectory Listing()
    {
        var listing = new StoreDirectory();
        foreach (var (name, node) in _objects) listing.Entries[name] = node;
        return listing;
    }

    /// <summary>The directory a symlink at <paramref name="path"/> resolves its relative target against.</summary>
    internal static string TargetOf(string path, StoreSymlink link) =>
        PathUtilities.Canonicalize(link.Target.StartsWith('/') ? link.Target : PathUtilities.DirOf(path) + "/" + link.Target);
}
