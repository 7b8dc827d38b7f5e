namespace ConfigLang.Cli.Commands;

/// <summary>
/// The folders lint lets a configuration read when it is not <c>--impure</c>: the current one, each
/// linted file's, the git work tree holding either (so <c>../</c> imports work from a subfolder) and
/// those named with <c>--allow-path</c>. A folder found this way that is <c>/</c> (Docker's default
/// working directory, a file linted at the top) is left out: it would allow every file.
/// </summary>
public static class LintAllowedFolders
{
    public static IReadOnlyList<string> Of(string currentDirectory, IEnumerable<string> configs, IEnumerable<string> named)
    {
        var found = new List<string> { Path.GetFullPath(currentDirectory) };
        found.AddRange(configs.Select(c => Path.GetDirectoryName(Path.GetFullPath(c, currentDirectory))!));
        found.AddRange(found.Select(GitWorkTreeOf).OfType<string>().ToList());
        return [.. found.Where(f => f != "/").Distinct(StringComparer.Ordinal), .. named.Select(n => Path.GetFullPath(n, currentDirectory))];
    }

    /// <summary>The nearest ancestor of <paramref name="folder"/> (itself included) that holds a <c>.git</c> entry; null when none does.</summary>
    private static string? GitWorkTreeOf(string folder)
    {
        for (var current = folder; current is not null; current = Path.GetDirectoryName(current))
        {
            var git = Path.Combine(current, ".git");
            if (Directory.Exists(git) || File.Exists(git)) return current;
        }
        return null;
    }
}
