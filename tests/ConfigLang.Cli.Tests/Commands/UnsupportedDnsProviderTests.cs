using ConfigLang.Acme.Dns;
using ConfigLang.Evaluator;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Modules.Evaluation;
using ConfigLang.TestSupport;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// A <c>dnsProvider</c> that rebuild does not implement is an input error (exit 1) at its
/// definition for every command, before anything is planned or touched; it used to pass lint,
/// preview and <c>rebuild --dry-run</c> and fail only at the real rebuild (exit 3). The option
/// library's list of providers and the executor's registry are one set.
/// </summary>
public sealed class UnsupportedDnsProviderTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("configlang-dns-provider-");

    public void Dispose() => _root.Delete(recursive: true);

    private static string Broken(string file) => Path.Combine(RepositoryRoot.Path, "examples", "broken", file);

    private const string Pointer = "`configlang options security.acme.defaults.dnsProvider' lists them";

    [Fact]
    public void Lint_refuses_an_unsupported_provider_at_its_definition()
    {
        var host = Broken("dns-provider-unsupported.nix");
        var run = CliRun.Invoke("lint", host);

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains("error[CL2003]", run.Stderr);
        Assert.Contains("`security.acme.certs.\"example.org\".dnsProvider' is not of type", run.Stderr);
        Assert.Contains("\"ionos\" is not one of them; " + Pointer, run.Stderr);
        // No near miss among the supported names, so no misleading suggestion.
        Assert.DoesNotContain("did you mean", run.Stderr);
        Assert.Contains($"--> {host}:9:7", run.Stderr);
    }

    [Fact]
    public void Lint_offers_the_nearest_provider_for_a_misspelt_one()
    {
        var host = Broken("dns-provider-misspelled.nix");
        var run = CliRun.Invoke("lint", host);

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains("`security.acme.defaults.dnsProvider' is not of type", run.Stderr);
        Assert.Contains("\"cloudfare\" is not one of them (did you mean \"cloudflare\"?); " + Pointer, run.Stderr);
        Assert.Contains($"--> {host}:7:14", run.Stderr);
    }

    [Theory]
    [InlineData("preview")]
    [InlineData("rebuild", "--dry-run", "--service-manager", "none")]
    [InlineData("rebuild", "--service-manager", "none")]
    public void Preview_and_rebuild_exit_1_before_touching_anything(string command, params string[] flags)
    {
        var run = CliRun.Invoke([command, Broken("dns-provider-unsupported.nix"), "--root", _root.FullName, .. flags]);

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains("\"ionos\" is not one of them", run.Stderr);
        Assert.Empty(_root.EnumerateFileSystemInfos());
    }

    [Fact]
    public void The_option_library_accepts_exactly_the_providers_the_executor_implements()
    {
        var evaluated = new ConfigEvaluator(ConfigurationQuery.WithModules(new EvaluatorOptions())).Evaluate(new EvaluationRequest
        {
            Expression = "import <configlang/modules/security/acme-dns-providers.nix>",
            Output = EvaluationOutput.Json,
        });
        Assert.True(evaluated.Succeeded, evaluated.Stderr);
        using var document = System.Text.Json.JsonDocument.Parse(evaluated.Stdout);
        var declared = document.RootElement.EnumerateArray().Select(name => name.GetString()!);

        Assert.Equal(DnsProviderRegistry.CreateDefault().Names.Order(StringComparer.Ordinal), declared.Order(StringComparer.Ordinal));
    }
}
