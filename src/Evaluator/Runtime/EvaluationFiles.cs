using ConfigLang.Evaluator.Lowering;
using ConfigLang.Evaluator.Runtime.Store;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime;

/// <summary>
/// Every file an evaluation looks at goes through here: paths inside the store directory are
/// answered by the evaluation's own <see cref="EvaluationStore"/> alone (what it did not produce is
/// missing, whatever the machine's /nix/store holds), all others by the disk. Paths are canonical.
/// Failures are the runtime's exceptions (<see cref="IOException"/>), which builtins turn into Nix's messages.
/// </summary>
public sealed class EvaluationFiles
{
    /// <summary>As Linux's ELOOP: a chain of symlinks longer than this is an error.</summary>
    private const int MaxSymlinkHops = 40;

    private readonly PathAccessPolicy? _policy;

    public EvaluationFiles(EvaluationStore store, PathAccessPolicy? policy = null)
    {
        Store = store;
        _policy = policy;
    }

    public EvaluationStore Store { get; }

    /// <summary>Every look at the disk passes here first: outside the allowed folders it throws
    /// <see cref="ForbiddenPathException"/>, whether the file exists or not.</summary>
    private void Guard(string path)
    {
        if (_policy is not null && !_policy.Allows(path)) throw new ForbiddenPathException(path, _policy.Roots);
    }

    /// <summary>What is at <paramref name="path"/>, without following a symlink there (lstat):
    /// "regular", "directory", "symlink" or "unknown"; null when nothing is.</summary>
    public string? KindOf(string path)
    {
        if (EvaluationStore.Holds(path)) return Store.Find(path)?.Kind;
        Guard(path);
        FileSystemInfo entry = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        return entry.Exists || entry.LinkTarget is not null ? KindOf(entry) : null;
    }

    /// <summary>Whether anything, even a dangling symlink, is at <paramref name="path"/>.</summary>
    public bool Exists(string path) => KindOf(path) is not null;

    /// <summary>Whether <paramref name="path"/>, its symlinks followed, is a file or directory.</summary>
    public bool Resolves(string path)
    {
        var (target, inStore, node) = Follow(path);
        return inStore ? node is not null : File.Exists(target) || Directory.Exists(target);
    }

    /// <summary>Whether <paramref name="path"/>, its symlinks followed, is a directory.</summary>
    public bool IsDirectory(string path)
    {
        var (target, inStore, node) = Follow(path);
        return inStore ? node is StoreDirectory : Directory.Exists(target);
    }

    public byte[] ReadAllBytes(string path)
    {
        var (target, inStore, node) = Follow(path);
        if (!inStore) return File.ReadAllBytes(target);
        return node switch
        {
            StoreFile file => file.Contents,
            null => throw new FileNotFoundException(null, path),
            _ => throw new UnauthorizedAccessException(),
        };
    }

    /// <summary>
    /// A file's bytes as a byte string (see <see cref="ByteText"/>), as <c>readFile</c> returns it.
    /// A file on disk is widened into the string as it is read, without holding its bytes in an
    /// array as well (a 5 MB JSON document touched 5 MB more memory for that).
    /// </summary>
    public string ReadAllByteText(string path)
    {
        var (target, inStore, _) = Follow(path);
        if (inStore) return ByteText.FromBytes(ReadAllBytes(path));
        using var stream = new FileStream(target, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        // Files that do not know their length (/proc, pipes) are read the ordinary way.
        var length = stream.CanSeek ? stream.Length : 0;
        if (length is 0 or > int.MaxValue / 2) return ByteText.FromBytes(File.ReadAllBytes(target));
        var complete = true;
        var text = string.Create((int)length, stream, (chars, file) =>
        {
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Min(chars.Length, 1 << 16));
            try
            {
                while (!chars.IsEmpty)
                {
                    var read = file.Read(buffer, 0, Math.Min(buffer.Length, chars.Length));
                    if (read == 0)
                    {
                        complete = false;
                        return;
                    }
                    System.Text.Encoding.Latin1.GetChars(buffer.AsSpan(0, read), chars);
                    chars = chars[read..];
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        });
        // The file got shorter while it was read: read it again as it is now.
        return complete ? text : ByteText.FromBytes(File.ReadAllBytes(target));
    }

    /// <summary>
    /// A source file decoded as <see cref="ByteText.DecodeKeepingInvalid"/> does. ASCII (nearly every
    /// file) reads the same widened or decoded, so it comes from <see cref="ReadAllByteText"/> without
    /// a byte array of the whole file beside the string; other files are decoded from their bytes.
    /// </summary>
    public string ReadSourceText(string path)
    {
        var text = ReadAllByteText(path);
        return System.Text.Ascii.IsValid(text) ? text : ByteText.DecodeKeepingInvalid(ByteText.ToBytes(text));
    }

    /// <summary>The entries of a directory and their kinds (as <see cref="KindOf(string)"/>), in no particular order.</summary>
    public IReadOnlyList<(string Name, string Kind)> ReadDirectory(string path)
    {
        var (target, inStore, node) = Follow(path);
        if (!inStore)
        {
            return new DirectoryInfo(target).EnumerateFileSystemInfos().Select(entry => (entry.Name, KindOf(entry))).ToList();
        }
        return node is StoreDirectory directory
            ? directory.Entries.Select(entry => (entry.Key, entry.Value.Kind)).ToList()
            : throw new DirectoryNotFoundException();
    }

    /// <summary>
    /// Whether <paramref name="written"/> names something that is not a folder as one: a component
    /// followed by a slash (<c>file.nix/</c>, <c>file.nix/.</c>, <c>missing/..</c>) that is not a
    /// directory. Nix 2.8 hands file builtins the string as written, so the system call fails
    /// (ENOTDIR) where the canonical path would exist; this keeps that answer.
    /// </summary>
    /// <param name="canonical"><see cref="PathUtilities.Canonicalize"/> of <paramref name="written"/>, which callers have at hand.</param>
    public bool NamesNonDirectoryAsFolder(string written, string canonical)
    {
        // A canonical path has no slash after its last component, and the system checks the others anyway.
        if (canonical == written) return false;
        for (var slash = written.IndexOf('/', 1); slash > 0; slash = written.IndexOf('/', slash + 1))
        {
            if (written[slash - 1] == '/') continue;
            if (!IsDirectory(PathUtilities.Canonicalize(written[..slash]))) return true;
        }
        return false;
    }

    /// <summary>
    /// The object at <paramref name="path"/> as the store would hold a copy of it, keeping only the
    /// entries <paramref name="filter"/> (full path, kind) accepts. It fails at <paramref name="site"/>
    /// as soon as the copy would not fit in the store, before reading a file that would not.
    /// </summary>
    public StoreObject Copy(string path, Func<string, string, bool>? filter, SourceLocation? site)
    {
        long size = 0;
        // Only the top is judged by where it leads: below it the copy keeps symlinks as they are, so a
        // dangling `result` link in a repository does not make "${./.}" fail.
        return Copy(path, path, KindOf(path), filter, ref size, site);
    }

    private StoreObject Copy(string root, string path, string? kind, Func<string, string, bool>? filter, ref long size, SourceLocation? site)
    {
        var inStore = EvaluationStore.Holds(path);
        var stored = inStore ? Store.Find(path) : null;
        StoreObject copy;
        switch (kind)
        {
            case "symlink":
                copy = new StoreSymlink(inStore ? ((StoreSymlink)stored!).Target : new FileInfo(path).LinkTarget!);
                break;
            case "directory":
                var directory = new StoreDirectory();
                foreach (var (name, childKind) in ReadDirectory(path).OrderBy(e => e.Name, StringComparer.Ordinal))
                {
                    var child = path == "/" ? "/" + name : path + "/" + name;
                    if (filter is not null && !filter(child, childKind)) continue;
                    size += name.Length;
                    // A .git folder is refused even inside a copy (its config may hold a token).
                    if (name == ".git" && !inStore) Guard(child);
                    directory.Entries[name] = Copy(root, child, childKind, filter, ref size, site);
                }
                copy = directory;
                break;
            case "regular":
                Store.EnsureRoom(size + (inStore ? stored!.Size : new FileInfo(path).Length), root, site);
                copy = inStore ? stored! : new StoreFile(File.ReadAllBytes(path), IsExecutableOnDisk(path));
                break;
            case null:
                throw new FileNotFoundException(null, path);
            default:
                throw EvaluationException.Create(EvaluationDiagnostics.FileSystem, $"file '{path}' has an unsupported type", site);
        }
        size += copy is StoreDirectory ? StoreObject.Overhead : copy.Size;
        Store.EnsureRoom(size, root, site);
        return copy;
    }

    private static bool IsExecutableOnDisk(string path) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0;

    /// <summary>Where <paramref name="path"/> leads once the store's symlinks at its end are followed;
    /// a target outside the store is left to the disk (whose own symlinks the system follows).</summary>
    private (string Path, bool InStore, StoreObject? Node) Follow(string path)
    {
        for (var hops = 0; EvaluationStore.Holds(path); hops++)
        {
            var node = Store.Find(path);
            if (node is not StoreSymlink link) return (path, true, node);
            if (hops == MaxSymlinkHops) throw new IOException($"{path}: Too many levels of symbolic links");
            path = EvaluationStore.TargetOf(path, link);
        }
        Guard(path);
        return (path, false, null);
    }

    /// <summary>The kind of a directory entry on disk, without following a symlink.</summary>
    private static string KindOf(FileSystemInfo entry) =>
        entry.LinkTarget is not null ? "symlink"
        : entry is DirectoryInfo ? "directory"
        : (entry.Attributes & FileAttributes.Device) != 0 ? "unknown" : "regular";
}
