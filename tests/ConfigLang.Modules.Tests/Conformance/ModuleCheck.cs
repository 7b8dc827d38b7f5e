namespace ConfigLang.Modules.Tests.Conformance;

/// <summary>One line of <c>nixos-modules/checks.tsv</c> (see its README).</summary>
public sealed record ModuleCheck(int Line, string Environment, string Kind, string Attribute, string Modules, string ExpectedRegex)
{
    public bool Strict => Environment.Contains("STRICT_EVAL=1", StringComparison.Ordinal);

    public bool AbortOnWarning => Environment.Contains("ABORT_ON_WARN=1", StringComparison.Ordinal);

    public bool IsError => Kind == "checkConfigError";

    public static string Folder => TestSupport.SharedCorpus.PathOf(TestSupport.SharedCorpus.NixosModules);

    public static string ModulesFolder => Path.Combine(Folder, "lib", "tests", "modules");

    public static IReadOnlyList<ModuleCheck> Load()
    {
        var checks = new List<ModuleCheck>();
        foreach (var line in File.ReadLines(Path.Combine(Folder, "checks.tsv")).Skip(1))
        {
            if (line.Length == 0) continue;
            var columns = line.Split('\t');
            checks.Add(new ModuleCheck(int.Parse(columns[0], System.Globalization.CultureInfo.InvariantCulture),
                columns[1], columns[2], columns[3], columns[4], columns[5]));
        }
        return checks;
    }

    public override string ToString() => $"{Line} {Kind} {Attribute} {Modules}";
}
