using ConfigLang.Cli.Adapters.Checks;
using ConfigLang.Evaluator.Text;
using ConfigLang.Modules.Lib;

namespace ConfigLang.Cli.Adapters;

/// <summary>
/// The files a host configuration is written in: the host file, then the files it imports (in
/// the order the evaluation first read them), without the built-in option library. Findings
/// point into the file where what they name is written, so a mistake in an imported file is
/// reported there and not at the host's <c>imports</c> line.
/// </summary>
public sealed class HostSources
{
    private readonly Lazy<IReadOnlyList<SourceText>> _files;

    private HostSources(SourceText host, Func<IReadOnlyList<SourceText>> files)
    {
        Host = host;
        _files = new(files);
    }

    /// <summary>The host file first. The imported files are read when a finding first needs a place.</summary>
    public IReadOnlyList<SourceText> Files => _files.Value;

    public SourceText Host { get; }

    /// <summary>Only the host file.</summary>
    public static HostSources Single(SourceText host) => new(host, () => [host]);

    /// <summary>The host and the user files among <paramref name="importedFiles"/> that still exist.</summary>
    public static HostSources From(SourceText host, IReadOnlyList<string> importedFiles) => new(host, () =>
    {
        var library = Path.GetFullPath(LibraryFiles.Directory).TrimEnd('/') + "/";
        var files = new List<SourceText> { host };
        foreach (var file in importedFiles.Distinct(StringComparer.Ordinal))
        {
            if (file == host.Path || file.StartsWith(library, StringComparison.Ordinal) || !File.Exists(file)) continue;
            try
            {
                files.Add(SourceText.FromFile(file));
            }
            catch (IOException)
            {
                // Gone or unreadable since the evaluation read it: findings point elsewhere.
            }
        }
        return files;
    });

    /// <summary><see cref="SourceSpanFinder.FindRanked"/> in the file where the most specific candidate
    /// is found (the host when several are equally good, or none is).</summary>
    public SourceLocation Find(IEnumerable<string> candidates)
    {
        var list = candidates.ToList();
        var best = SourceSpanFinder.FindRanked(Files[0], list);
        for (var i = 1; i < Files.Count && best.Rank > 0; i++)
        {
            var found = SourceSpanFinder.FindRanked(Files[i], list);
            if (found.Rank < best.Rank) best = found;
        }
        return best.Location;
    }

    /// <summary><see cref="HostSpans.FindValue"/> in the first file that has the value written, else <see cref="Find"/> over the fallback.</summary>
    public SourceLocation Value(string value, IReadOnlyList<string> anchors, IEnumerable<string> fallback) =>
        FirstFound(source => HostSpans.FindValue(source, value, anchors)) ?? Find(fallback);

    /// <summary><see cref="HostSpans.FindAttribute"/> in the first file that defines the attribute, else <see cref="Find"/> over the fallback.</summary>
    public SourceLocation Attribute(string name, IReadOnlyList<string> anchors, IEnumerable<string> fallback) =>
        FirstFound(source => HostSpans.FindAttribute(source, name, anchors)) ?? Find(fallback);

    /// <summary>The first mention of <paramref name="word"/> as a whole name, in file order.</summary>
    public SourceLocation? FindWord(string word) =>
        FirstFound(source => SourceSpanFinder.FindWord(source.Text, word) is { } at ? new SourceLocation(source, new TextSpan(at, word.Length)) : null);

    /// <summary><see cref="SourceSpanFinder.FindMutuallyExclusive"/> over these files.</summary>
    public (SourceLocation Conflicting, IReadOnlyList<SourceLocation> Earlier)? FindMutuallyExclusive(string message) =>
        SourceSpanFinder.FindMutuallyExclusive(Files, message);

    private SourceLocation? FirstFound(Func<SourceText, SourceLocation?> find)
    {
        foreach (var source in Files)
        {
            if (find(source) is { } location) return location;
        }
        return null;
    }
}
