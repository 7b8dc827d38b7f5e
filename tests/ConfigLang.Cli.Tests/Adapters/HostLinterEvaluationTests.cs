using ConfigLang.Host;
using ConfigLang.Cli.Adapters;
using ConfigLang.Cli.Composition;
using ConfigLang.Evaluator.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigLang.Cli.Tests.Adapters;

/// <summary>
/// The linter reads assertions and the checks' facts in one evaluation; a type error (found only
/// when the facts force the values) is reported when no assertion failed, and left out when one
/// did (the assertion may explain it).
/// </summary>
public sealed class HostLinterEvaluationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("configlang-linter-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private IReadOnlyList<string> CodesOf(string body, string openPorts = "[ 80 ]") =>
        [.. Linter().Lint(Host(body, openPorts), new EvaluatorOptions()).Select(d => d.Code)];

    private string Host(string body, string openPorts = "[ 80 ]")
    {
        var path = Path.Combine(_dir, $"host-{Guid.NewGuid():N}.nix");
        File.WriteAllText(path, "{ ... }:\n{\n  security.acme.defaults.email = \"a@example.org\";\n" +
            "  security.acme.certs.\"example.org\".listenHTTP = \":80\";\n  networking.firewall.allowedTCPPorts = " + openPorts + ";\n" + body + "\n}\n");
        return path;
    }

    private static HostLinter Linter() => new ServiceCollection().AddLintServices().BuildServiceProvider().GetRequiredService<HostLinter>();

    [Fact]
    public void A_type_error_alone_is_reported()
    {
        var codes = CodesOf("  security.acme.acceptTerms = true;\n  security.acme.defaults.validMinDays = \"30\";");
        Assert.Equal(["CL2003"], codes);
    }

    [Fact]
    public void A_type_error_behind_a_failed_assertion_is_left_out()
    {
        var codes = CodesOf("  security.acme.defaults.validMinDays = \"30\";");
        Assert.Equal([LintCodes.FailedAssertion], codes);
    }

    [Fact]
    public void A_correct_host_runs_the_checks_on_the_facts_of_the_same_evaluation()
    {
        Assert.Empty(CodesOf("  security.acme.acceptTerms = true;"));
        Assert.Equal([LintCodes.Http01PortClosed], CodesOf("  security.acme.acceptTerms = true;", openPorts: "[ 443 ]"));
    }

    [Fact]
    public void The_facts_are_read_before_the_assertions()
    {
        // Forced in this order the assertions find the certificates computed: half the CPU of
        // the other order on a 1,000-certificate host (tests/bench/lint-scale.sh).
        var trace = new StringWriter();
        var host = Host("  security.acme.acceptTerms = true;\n" +
            "  security.acme.certs.\"example.org\".postRun = builtins.trace \"read by the facts\" \"\";\n" +
            "  assertions = [ { assertion = builtins.trace \"read by the assertions\" true; message = \"never shown\"; } ];");
        Assert.Empty(Linter().Lint(host, new EvaluatorOptions { TraceWriter = trace }));
        var output = trace.ToString();
        var facts = output.IndexOf("read by the facts", StringComparison.Ordinal);
        var assertions = output.IndexOf("read by the assertions", StringComparison.Ordinal);
        Assert.True(facts >= 0 && assertions >= 0, output);
        Assert.True(facts < assertions, output);
    }

    [Fact]
    public void A_query_is_answered_by_the_same_evaluation_with_the_facts()
    {
        var result = Linter().Run(Host("  security.acme.acceptTerms = true;"), new EvaluatorOptions(), "/",
            (config, _) => (config.Get("security.acme.certs").Names, config.Get("security.acme.certs.\"example.org\".listenHTTP").String));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["example.org"], result.Extra.Names);
        Assert.Equal(":80", result.Extra.Item2);
        Assert.Equal("example.org", Assert.Single(result.Facts!.Certs).Name);
    }

    [Fact]
    public void A_failing_reader_is_an_error_located_in_the_host()
    {
        var host = Host("  security.acme.acceptTerms = true;");
        var result = Linter().Run(host, new EvaluatorOptions(), "/", (config, _) => config.Get("security.acme.noSuchOption").String);
        var error = Assert.Single(result.Diagnostics);
        Assert.Contains("security.acme.noSuchOption", error.Message, StringComparison.Ordinal);
        Assert.Equal(host, error.Location!.Value.Source.Path);
    }

    [Fact]
    public void Findings_point_into_the_imported_file_that_holds_the_mistake()
    {
        var host = Path.Combine(_dir, "host.nix");
        var certs = Path.Combine(_dir, "certs.nix");
        File.WriteAllText(host, """
            { ... }:
            {
              imports = [ ./certs.nix ];
              security.acme.acceptTerms = true;
              security.acme.defaults.email = "admin@example.org";
              networking.firewall.allowedTCPPorts = [ 80 ];
            }
            """);
        File.WriteAllText(certs, """
            { ... }:
            {
              security.acme.certs."example.org" = {
                webroot = "/var/lib/acme/acme-challenge";
                dnsProvider = "cloudflare";
              };
              security.acme.certs."wild.example.org" = {
                domain = "*.example.org";
                listenHTTP = ":80";
              };
            }
            """);

        var diagnostics = Linter().Lint(host, new EvaluatorOptions());

        // The wildcard check points at the challenge to change (listenHTTP), the exclusive one at the later option.
        var wildcard = Assert.Single(diagnostics, d => d.Code == LintCodes.WildcardWithoutDns01);
        Assert.Equal((certs, 9), (wildcard.Location!.Value.Source.Path, wildcard.Location.Value.Start.Line));
        var exclusive = Assert.Single(diagnostics, d => d.Code == LintCodes.FailedAssertion);
        Assert.Equal((certs, 5), (exclusive.Location!.Value.Source.Path, exclusive.Location.Value.Start.Line));
    }
}
