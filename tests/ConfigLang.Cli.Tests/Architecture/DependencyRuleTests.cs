using System.Reflection;
using System.Xml.Linq;

using ConfigLang.TestSupport;

namespace ConfigLang.Cli.Tests.Architecture;

/// <summary>
/// The layering rule: Evaluator references no project, Modules only Evaluator, Acme none, Host
/// (the domain layer: the mapping of the resolved configuration and the lint rules) Evaluator,
/// Modules and Acme, Cli all four; only the CLI uses dependency injection, and the lint rules
/// live in Host, not in the CLI. Checked on the project files (what is declared) and on the built
/// assemblies (what is really used).
/// </summary>
public sealed class DependencyRuleTests
{
    private static readonly string[] Layers = ["ConfigLang.Evaluator", "ConfigLang.Modules", "ConfigLang.Acme", "ConfigLang.Host", "configlang"];

    public static TheoryData<string, string, string[]> Rules => new()
    {
        { "src/Evaluator/ConfigLang.Evaluator.csproj", "ConfigLang.Evaluator", [] },
        { "src/Modules/ConfigLang.Modules.csproj", "ConfigLang.Modules", ["ConfigLang.Evaluator"] },
        { "src/Acme/ConfigLang.Acme.csproj", "ConfigLang.Acme", [] },
        { "src/Host/ConfigLang.Host.csproj", "ConfigLang.Host", ["ConfigLang.Acme", "ConfigLang.Evaluator", "ConfigLang.Modules"] },
        { "src/Cli/ConfigLang.Cli.csproj", "configlang", ["ConfigLang.Acme", "ConfigLang.Evaluator", "ConfigLang.Host", "ConfigLang.Modules"] },
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
    [InlineData("src/Host/ConfigLang.Host.csproj", "ConfigLang.Host")]
    public void Libraries_do_not_use_dependency_injection(string projectFile, string assemblyName)
    {
        var packages = XDocument.Load(Path.Combine(RepositoryRoot.Path, projectFile))
            .Descendants("PackageReference").Select(e => e.Attribute("Include")!.Value);
        Assert.DoesNotContain(packages, p => p.StartsWith("Microsoft.Extensions.DependencyInjection", StringComparison.Ordinal));
        var references = Assembly.Load(assemblyName).GetReferencedAssemblies().Select(a => a.Name!);
        Assert.DoesNotContain(references, n => n.StartsWith("Microsoft.Extensions.DependencyInjection", StringComparison.Ordinal));
    }

    [Fact]
    public void The_lint_rules_live_in_Host_and_none_in_the_CLI()
    {
        var check = typeof(ConfigLang.Host.Checks.IHostCheck);
        Assert.Equal("ConfigLang.Host", check.Assembly.GetName().Name);
        Assert.DoesNotContain(Assembly.Load("configlang").GetTypes(), t => check.IsAssignableFrom(t));
        Assert.Contains(check.Assembly.GetTypes(), t => check.IsAssignableFrom(t) && !t.IsInterface);
        var cli = Path.Combine(RepositoryRoot.Path, "src", "Cli");
        Assert.Empty(Directory.EnumerateDirectories(cli, "Checks", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_certificates_are_read_from_the_configuration_in_one_place()
    {
        // HostFacts.Read projects security.acme.certs into CertFacts; the checks, the planner's
        // requests (AcmeRequestMapper) and the nginx mapping all take that one projection.
        var reads = new System.Text.RegularExpressions.Regex(@"(Get|Find)\(""security\.acme\.certs|\[""certs""\]");
        var readers = new[] { "Host", "Cli" }
            .SelectMany(layer => Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src", layer), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => reads.IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(RepositoryRoot.Path, file).Replace('\\', '/'));
        Assert.Equal(["src/Host/HostFacts.cs"], readers);
    }
}
