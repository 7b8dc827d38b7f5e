using System.Text.Json.Nodes;
using ConfigLang.Cli.Composition;
using ConfigLang.Cli.Rendering.DiagnosticFormats;
using ConfigLang.Cli.Rendering.DiagnosticFormats.Json;
using ConfigLang.Cli.Tests.Rendering;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Host;
using ConfigLang.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigLang.Cli.Tests.Located;

/// <summary>
/// Lint findings located by the module system's record of definitions, for the cases a search
/// of the text gets wrong (a certificate made by a function or lib.genAttrs, names bound in
/// let, the same option in two certificates, a # inside a string, a /* */ comment, values
/// computed from other options, an imported file, an infinite recursion through the user's
/// options, a plan issue, a value inherited from defaults). Text and JSON are compared exactly
/// with golden files under Rendering/Golden/located/.
/// </summary>
public sealed class LocatedDiagnosticsGoldenTests
{
    private static readonly string Hosts = Path.Combine(RepositoryRoot.Path, "tests", "ConfigLang.Cli.Tests", "Located", "hosts");

    public static TheoryData<string> Cases() => new()
    {
        "genattrs", "let-bound", "same-option-two-certs", "hash-in-string", "block-comment",
        "computed", "imported", "recursion", "plan-issue", "inherited",
    };

    private static HostLinter Linter() =>
        new ServiceCollection().AddLintServices().BuildServiceProvider().GetRequiredService<HostLinter>();

    private static DiagnosticReport Report(string name) =>
        DiagnosticReport.Create(Linter().Lint(Path.Combine(Hosts, name + ".nix"), new EvaluatorOptions()), RepositoryRoot.Path);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Text_output_is_exact(string name)
    {
        var output = new StringWriter();
        new TextDiagnosticWriter().Write(Report(name), output, DiagnosticWriterOptions.Default);
        var text = output.ToString();
        AssertNoInternalPlaces(text);
        GoldenFile.AssertMatches($"located/{name}.txt", text);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Json_output_is_exact(string name)
    {
        var output = new StringWriter();
        new JsonDiagnosticWriter().Write(Report(name), output, DiagnosticWriterOptions.Default);
        var json = output.ToString();
        AssertNoInternalPlaces(json);
        GoldenFile.AssertMatches($"located/{name}.json", json);
    }

    // Never the folder the library is unpacked to, the driver expression or an unnamed string.
    private static void AssertNoInternalPlaces(string output)
    {
        Assert.DoesNotContain("configlang-lib-", output, StringComparison.Ordinal);
        Assert.DoesNotContain("«", output, StringComparison.Ordinal);
        Assert.DoesNotContain("evalModules", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plan-issue", "security.acme.certs.\"www.example.org\".renewInterval")]
    [InlineData("same-option-two-certs", "security.acme.certs.\"www.example.org\".server")]
    [InlineData("hash-in-string", "security.acme.certs.\"example.org\".webroot")]
    public void Show_explain_and_lint_name_the_same_location_for_the_same_definition(string name, string option)
    {
        var host = Path.Combine(Hosts, name + ".nix");
        var lint = CliRun.Invoke("lint", "--format", "json", host);
        var finding = Assert.Single(JsonNode.Parse(lint.Stdout)!["diagnostics"]!.AsArray(), d => (string?)d!["option"] == option)!;

        var explain = CliRun.Invoke("show", host, option, "--explain", "--json");
        Assert.True(explain.ExitCode == 0, explain.Stderr);
        var used = Assert.Single(JsonNode.Parse(explain.Stdout)!["options"]![0]!["definitions"]!.AsArray(), d => (string?)d!["status"] == "used")!;

        Assert.Equal(((string?)used["file"], (int?)used["line"], (int?)used["column"]),
            ((string?)finding["file"], (int?)finding["line"], (int?)finding["column"]));
    }

    [Fact]
    public void Lint_show_trace_adds_the_evaluation_trace_to_an_evaluation_error()
    {
        var host = Path.Combine(Hosts, "recursion.nix");
        var plain = CliRun.Invoke("lint", host);
        var traced = CliRun.Invoke("lint", "--show-trace", host);
        Assert.Equal(1, traced.ExitCode);
        Assert.DoesNotContain("trace:", plain.Stderr, StringComparison.Ordinal);
        Assert.Contains("trace:", traced.Stderr, StringComparison.Ordinal);
        Assert.Contains("while evaluating the option `security.acme.defaults.email'", traced.Stderr, StringComparison.Ordinal);
        AssertNoInternalPlaces(traced.Stderr);
    }
}
