namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// lint asks the planner's request validation too, so what preview and rebuild would refuse (a
/// renewInterval that is no calendar expression) fails lint, located at its definition.
/// </summary>
public sealed class LintPlanIssuesTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("configlang-lint-plan-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Host(string certificateLine, string defaultsLine = "")
    {
        var path = Path.Combine(_dir.FullName, "host.nix");
        File.WriteAllText(path, $$"""
            {
              security.acme.acceptTerms = true;
              security.acme.defaults.email = "admin@example.org";
              {{defaultsLine}}
              security.acme.certs."example.org" = {
                listenHTTP = ":80";
                {{certificateLine}}
              };
              networking.firewall.allowedTCPPorts = [ 80 ];
            }
            """);
        return path;
    }

    [Fact]
    public void An_invalid_renew_interval_is_a_located_lint_error()
    {
        var host = Host("renewInterval = \"every full moon\";");

        var run = CliRun.Invoke("lint", host);

        Assert.True(run.ExitCode == 1, run.Stderr);
        Assert.Contains("error[CL3102]: renewInterval of certificate 'example.org'", run.Stderr);
        Assert.Contains($"--> {host}:7:5", run.Stderr);
        Assert.Contains("1 error, 0 warnings", run.Stderr);
    }

    [Fact]
    public void An_invalid_inherited_renew_interval_points_at_the_defaults()
    {
        var host = Host("", "security.acme.defaults.renewInterval = \"every full moon\";");

        var run = CliRun.Invoke("lint", host, "--format", "json");

        Assert.True(run.ExitCode == 1, run.Stderr);
        Assert.Contains("\"code\": \"CL3102\"", run.Stdout);
        Assert.Contains("\"line\": 4", run.Stdout);
        Assert.Contains("security.acme.certs.\\\"example.org\\\".renewInterval", run.Stdout);
    }

    [Theory]
    [InlineData("renewInterval = \"daily\";")]
    [InlineData("renewInterval = \"Mon *-*-* 04:00:00\";")]
    [InlineData("")]
    public void A_valid_renew_interval_passes(string line)
    {
        var run = CliRun.Invoke("lint", Host(line));
        Assert.True(run.ExitCode == 0, run.Stderr);
    }
}
