using ConfigLang.TestSupport;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// A temporary copy of the corpus with the symlinks of Corpus/eval/restored-symlinks.txt put
/// back: the shared copy is read-only and stores them as plain files holding the link target,
/// so cases about readDir, readFileType and symlink resolution cannot pass on it. The copy is
/// made once per test run and removed when the process exits.
/// </summary>
public static class RestoredSymlinkCorpus
{
    public sealed record Link(string Path, string Target);

    public static IReadOnlyList<Link> Links { get; } = LoadLinks();

    private static readonly Lazy<string> CopyRoot = new(() => MakeCopy(EvalCorpusRunner.CorpusRoot, Links), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The root of the restored copy (holding <c>lang/</c>), made on first use.</summary>
    public static string Root => CopyRoot.Value;

    /// <summary>
    /// Whether a case's program names a directory holding a restored link (then it must run on
    /// the copy; every other case runs on the shared corpus itself).
    /// </summary>
    public static bool IsNeededBy(string caseFile)
    {
        var source = File.ReadAllText(caseFile);
        return Links.Select(link => link.Path.Split('/')[0]).Distinct()
            .Any(directory => source.Contains("/" + directory, StringComparison.Ordinal) || source.Contains(directory + "/", StringComparison.Ordinal));
    }

    /// <summary>
    /// Copies <paramref name="source"/>'s <c>lang/</c> to a new temporary folder and turns each
    /// listed plain file into its link, after checking it holds exactly the link's target.
    /// </summary>
    internal static string MakeCopy(string source, IReadOnlyList<Link> links)
    {
        var root = Directory.CreateTempSubdirectory("configlang-nix-lang-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(root);
        CopyTree(Path.Combine(source, "lang"), Path.Combine(root, "lang"));
        foreach (var link in links)
        {
            var path = Path.Combine(root, "lang", link.Path);
            var stored = File.ReadAllText(path);
            if (stored != link.Target)
            {
                throw new InvalidOperationException($"restored-symlinks.txt says lang/{link.Path} links to '{link.Target}', but the corpus file holds '{stored}'");
            }
            File.Delete(path);
            File.CreateSymbolicLink(path, link.Target);
        }
        return root;
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            CopyTree(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }

    private static void TryDelete(string root)
    {
        try { Directory.Delete(root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static List<Link> LoadLinks()
    {
        var file = Path.Combine(RepositoryRoot.Path, "tests", "ConfigLang.Evaluator.Tests", "Corpus", "eval", "restored-symlinks.txt");
        var links = new List<Link>();
        foreach (var line in File.ReadLines(file))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            var parts = trimmed.Split(" -> ", 2, StringSplitOptions.TrimEntries);
            links.Add(new Link(parts[0], parts[1]));
        }
        return links;
    }
}
