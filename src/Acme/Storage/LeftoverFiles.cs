using System.Text.RegularExpressions;

namespace ConfigLang.Acme.Storage;

/// <summary>
/// The temporary files of <see cref="FileTransaction"/> (<c>.key.pem.tmp-3f9a0c12ab34</c>, and
/// <c>.key.pem.old.tmp-…</c> backups) that a run killed halfway leaves behind, often holding
/// private keys. Each rebuild and renew removes them, under the lock, before it writes anything,
/// from every directory it writes into. Symlinks are not followed (later steps report them).
/// </summary>
public static partial class LeftoverFiles
{
    /// <summary>The directories whose own entries are swept (host paths).</summary>
    public static readonly IReadOnlyList<string> FlatDirectories = ["/etc", "/etc/nginx", "/etc/systemd/system", "/run/configlang"];

    /// <summary>A fresh temporary name beside <paramref name="fileName"/>.</summary>
    public static string TemporaryName(string fileName) =>
        $".{fileName}.tmp-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6))}";

    /// <summary>True for a name <see cref="TemporaryName"/> makes.</summary>
    public static bool IsTemporary(string name) => TemporaryPattern().IsMatch(name);

    /// <summary>
    /// Removes the temporaries in the state directory, each directory below it (certificates,
    /// <c>.accounts</c> and each account, <c>.minica</c>), and <see cref="FlatDirectories"/>;
    /// returns the full paths removed.
    /// </summary>
    public static IReadOnlyList<string> Remove(RootedFileSystem root)
    {
        var removed = new List<string>();
        using (var state = TryOpen(() => root.TryOpenDirectory(StateLayout.HostStateDirectory)))
        {
            if (state is not null) Sweep(state, depth: 2, removed);
        }
        foreach (var path in FlatDirectories)
        {
            using var directory = TryOpen(() => root.TryOpenDirectory(path));
            if (directory is not null) Sweep(directory, depth: 0, removed);
        }
        return removed;
    }

    private static void Sweep(RootedDirectory directory, int depth, List<string> removed)
    {
        foreach (var name in directory.List())
        {
            var status = directory.Status(name);
            if (status is null) continue;
            if (status.Kind == EntryKind.Directory)
            {
                if (depth == 0) continue;
                using var child = TryOpen(() => directory.TryOpenDirectory(name));
                if (child is not null) Sweep(child, depth - 1, removed);
            }
            else if (IsTemporary(name) && directory.Delete(name))
            {
                removed.Add(directory.PathOf(name));
            }
        }
    }

    // A symlink on the way is not followed and not an error here: the step that needs the path reports it.
    private static RootedDirectory? TryOpen(Func<RootedDirectory?> open)
    {
        try
        {
            return open();
        }
        catch (UnsafePathException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^\..+\.tmp-[0-9a-f]{12}$")]
    private static partial Regex TemporaryPattern();
}
