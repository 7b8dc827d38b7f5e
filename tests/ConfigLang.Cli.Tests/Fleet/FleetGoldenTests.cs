using ConfigLang.Cli.Composition;
using ConfigLang.Cli.Rendering.DiagnosticFormats;
using ConfigLang.Cli.Rendering.DiagnosticFormats.Json;
using ConfigLang.Cli.Tests.Rendering;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Host;
using ConfigLang.Host.Fleet;
using ConfigLang.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigLang.Cli.Tests.Fleet;

/// <summary>
/// <c>configlang lint Fleet/hosts/*.nix</c> as <c>lint</c> runs it: two pool members sharing a
/// certificate through one cluster and a host outside it ordering the same names over HTTP-01.
/// Text and JSON are compared exactly with Rendering/Golden/fleet/: the duplicate and the
/// conflicting challenges each point into one file and name the others with their locations.
/// </summary>
public sealed class FleetGoldenTests
{
    private static readonly string[] Hosts =
        [.. new[] { "web2.nix", "legacy.nix", "web1.nix" }.Select(f => Path.Combine(RepositoryRoot.Path, "tests", "ConfigLang.Cli.Tests", "Fleet", "hosts", f))];

    private static DiagnosticReport Report()
    {
        var services = new ServiceCollection().AddLintServices().BuildServiceProvider();
        var diagnostics = services.GetRequiredService<FleetLinter>().LintHosts(services.GetRequiredService<HostLinter>(), Hosts, new EvaluatorOptions());
        return DiagnosticReport.Create(diagnostics, RepositoryRoot.Path);
    }

    [Fact]
    public void Text_output_is_exact()
    {
        var output = new StringWriter();
        new TextDiagnosticWriter().Write(Report(), output, DiagnosticWriterOptions.Default);
        GoldenFile.AssertMatches("fleet/pool-and-legacy.txt", output.ToString());
    }

    [Fact]
    public void Json_output_is_exact()
    {
        var output = new StringWriter();
        new JsonDiagnosticWriter().Write(Report(), output, DiagnosticWriterOptions.Default);
        GoldenFile.AssertMatches("fleet/pool-and-legacy.json", output.ToString());
    }
}
