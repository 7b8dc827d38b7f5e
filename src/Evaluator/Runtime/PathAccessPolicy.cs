namespace ConfigLang.Evaluator.Runtime;

/// <summary>
/// Which files on disk a restricted evaluation may look at (<see cref="EvaluatorOptions.AllowedPaths"/>):
/// those whose real path, every symlink on the way resolved, is one of the allowed roots or under
/// one. Resolving first is the point: a symlink committed inside an allowed folder that leads to
/// <c>/etc</c> is judged by where it leads. Nothing in a <c>.git</c> folder under a root is allowed. The evaluation's own store is not on disk and is not judged here.
/// </summary>
public sealed class PathAccessPolicy
{
    /// <summary>As Linux's ELOOP: a chain of symlinks longer than this is refused.</summary>
    private const int MaxSymlinkHops = 40;

    private readonly string[] _roots;

    public PathAccessPolicy(IEnumerable<string> roots) =>
        _roots = roots.Select(root => RealPath(Path.GetFullPath(root))).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The allowed roots, resolved.</summary>
    public IReadOnlyList<string> Roots => _roots;

    /// <summary>Whether <paramref name="path"/> (absolute) may be looked at, judged by where it leads.</summary>
    public bool Allows(string path)
    {
        var real = RealPath(path);
        if (real.Length == 0) return false;
        foreach (var root in _roots)
        {
            if (real == root) return true;
            if (root == "/" ? !InsideGitFolder(real) : real.StartsWith(root, StringComparison.Ordinal) && real[root.Length] == '/' && !InsideGitFolder(real[root.Length..])) return true;
        }
        return false;
    }

    /// <summary>Whether a part of <paramref name="relative"/> is <c>.git</c>: its config may hold the CI
    /// job's token (actions/checkout's persisted credentials), so nothing in it is readable.</summary>
    private static bool InsideGitFolder(string relative) =>
        relative.Split('/').Contains(".git", StringComparer.Ordinal);

    /// <summary>
    /// realpath(3) of an absolute path, except that a part that does not exist is kept as written
    /// (nothing beyond it can lead elsewhere). Component by component, so <c>..</c> after a symlink
    /// goes up from where the link led, as the system does; a chain of links too long gives null's
    /// stand-in, the empty string, which no root holds.
    /// </summary>
    public static string RealPath(string path)
    {
        var pending = new Stack<string>();
        PushComponents(pending, path);
        var resolved = "/";
        var hops = 0;
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (name is "" or ".") continue;
            if (name == "..")
            {
                resolved = resolved == "/" ? "/" : resolved[..Math.Max(1, resolved.LastIndexOf('/'))];
                continue;
            }
            var candidate = resolved == "/" ? "/" + name : resolved + "/" + name;
            string? target;
            try
            {
                target = new FileInfo(candidate).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                target = null;
            }
            if (target is null)
            {
                resolved = candidate;
                continue;
            }
            if (++hops > MaxSymlinkHops) return "";
            PushComponents(pending, target);
            if (target.StartsWith('/')) resolved = "/";
        }
        return resolved;
    }

    // Pushed last component first, so that popping walks the path from its start.
    private static void PushComponents(Stack<string> pending, string path)
    {
        var parts = path.Split('/');
        for (var k = parts.Length - 1; k >= 0; k--) pending.Push(parts[k]);
    }
}
