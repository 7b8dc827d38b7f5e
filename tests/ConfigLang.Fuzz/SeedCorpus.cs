namespace ConfigLang.Fuzz;

/// <summary>
/// The inputs mutations start from: the Nix language tests and the nixpkgs module-system test
/// modules of the conformance corpus, and the repository's example host files. Files are
/// sorted by path so a seed means the same inputs on every machine.
/// </summary>
public sealed class SeedCorpus
{
    /// <summary>Larger files would only slow every run down; the corpus has a few big data files.</summary>
    private const int MaxSeedBytes = 64 * 1024;

    public IReadOnlyList<SeedInput> Inputs { get; }

    private readonly Dictionary<SeedKind, List<SeedInput>> _byKind;

    private SeedCorpus(IReadOnlyList<SeedInput> inputs)
    {
        Inputs = inputs;
        _byKind = inputs.GroupBy(input => input.Kind).ToDictionary(group => group.Key, group => group.ToList());
    }

    /// <param name="repository">The checkout (holds examples/).</param>
    /// <param name="shared">The shared folder (holds conformance/).</param>
    public static SeedCorpus Load(string repository, string shared)
    {
        var inputs = new List<SeedInput>();
        var conformance = Path.Combine(shared, "conformance");
        Add(inputs, Path.Combine(conformance, "nix-lang", "lang"), SeedKind.Language);
        Add(inputs, Path.Combine(conformance, "nixos-modules", "lib", "tests", "modules"), SeedKind.Module);
        Add(inputs, Path.Combine(repository, "examples"), SeedKind.Host);
        if (inputs.Count == 0)
        {
            throw new InvalidOperationException($"no seed inputs under {conformance} or {Path.Combine(repository, "examples")}");
        }
        return new SeedCorpus(inputs);
    }

    /// <summary>The inputs of one kind, or every input when that kind has none.</summary>
    public IReadOnlyList<SeedInput> OfKind(SeedKind kind) =>
        _byKind.TryGetValue(kind, out var ofKind) ? ofKind : Inputs;

    private static void Add(List<SeedInput> inputs, string folder, SeedKind kind)
    {
        if (!Directory.Exists(folder)) return;
        var files = Directory.EnumerateFiles(folder, "*.nix", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var info = new FileInfo(file);
            if (info.LinkTarget is not null || info.Length > MaxSeedBytes) continue;
            inputs.Add(new SeedInput(Path.GetRelativePath(folder, file), kind, File.ReadAllBytes(file)));
        }
    }
}
