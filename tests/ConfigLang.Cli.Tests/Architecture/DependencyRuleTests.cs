using System.Reflection;
using System.Xml.Linq;

using ConfigLang.TestSupport;

namespace ConfigLang.Cli.Tests.Architecture;

/// <summary>
/// The layering rule: Evaluator references no project, Modules only Evaluator, Acme none,
/// Cli all three; only the CLI uses dependency injection. Checked twice: on the project files
/// (what is declared) and on the built assemblies (what is really used).
/// </summary>
public sealed class DependencyRuleTests
{
    private static readonly string[] Layers = ["ConfigLang.Evaluator", "ConfigLang.Modules", "ConfigLang.Acme"];

    public static TheoryData<string, string, string[]> Rules => new()
    {
        { "src/Evaluator/ConfigLang.Evaluator.csproj", "ConfigLang.Evaluator", [] },
        { "src/Modules/ConfigLang.Modules.csproj", "ConfigLang.Modules", ["ConfigLang.Evaluator"] },
        { "src/Acme/ConfigLang.Acme.csproj", "ConfigLang.Acme", [] },
        { "src/Cli/ConfigLang.Cli.csproj", "configlang", ["ConfigLang.Acme", "ConfigLang.Evaluator", "ConfigLang.Modules"] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Project_file_references_exactly_the_allowed_projects(string projectFile, string assemblyName, string[] allowed)
    {
        _ = assemblyName;
        var document = XDocument.Load(Path.Combine(RepositoryRoot.Path, projectFile));
        var referenced = document.Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value))
            .Order()
            .ToArray();
        Assert.Equal(allowed.Order().ToArray(), referenced);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Built_assembly_uses_no_other_layer(string projectFile, string assemblyName, string[] allowed)
    {
        _ = projectFile;
        var used = Assembly.Load(assemblyName).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => Layers.Contains(n));
        Assert.All(used, name => Assert.Contains(name, allowed));
    }

    [Theory]
    [InlineData("src/Evaluator/ConfigLang.Evaluator.csproj", "ConfigLang.Evaluator")]
    [InlineData("src/Modules/ConfigLang.Modules.csproj", "ConfigLang.Modules")]
    [InlineData("src/Acme/ConfigLang.Acme.csproj", "ConfigLang.Acme")]
    public void Libraries_do_not_use_dependency_injection(string projectFile, string assemblyName)
    {
        var packages = XDocument.Load(Path.Combine(RepositoryRoot.Path, projectFile))
            .Descendants("PackageReference").Select(e => e.Attribute("Include")!.Value);
        Assert.DoesNotContain(packages, p => p.StartsWith("Microsoft.Extensions.DependencyInjection", StringComparison.Ordinal));
        var references = Assembly.Load(assemblyName).GetReferencedAssemblies().Select(a => a.Name!);
        Assert.DoesNotContain(references, n => n.StartsWith("Microsoft.Extensions.DependencyInjection", StringComparison.Ordinal));
    }
}
