using ConfigLang.Host;
using ConfigLang.TestSupport;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// A DNS provider whose readable credential files lack its required variables fails
/// <c>lint</c> and <c>preview</c> (exit 1, at the definition, naming provider and variables,
/// printing no value), instead of the real rebuild failing with exit 3.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DnsCredentialsMissingCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("configlang-dns-credentials-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Host(string environmentFile)
    {
        var path = Path.Combine(_dir.FullName, "host.nix");
        File.WriteAllText(path, $$"""
            {
              security.acme.acceptTerms = true;
              security.acme.defaults.email = "ops@example.org";
              security.acme.certs."example.org" = {
                dnsProvider = "inwx";
                environmentFile = "{{environmentFile}}";
              };
            }
            """);
        return path;
    }

    [Fact]
    public void Lint_reports_the_missing_variable_at_the_environment_file()
    {
        var env = Path.Combine(_dir.FullName, "inwx.env");
        SecretFile.Write(env, "INWX_USERNAME=hunter\nINWX_SHARED_SECRET=s3cr3t\n");
        var host = Host(env);

        var run = CliRun.Invoke("lint", host);

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains($"error[{LintCodes.DnsCredentialsMissing}]", run.Stderr);
        Assert.Contains("is \"inwx\", which needs INWX_USERNAME and INWX_PASSWORD", run.Stderr);
        Assert.Contains($"--> {host}:6:5", run.Stderr);
        Assert.DoesNotContain("s3cr3t", run.Stderr);

        File.AppendAllText(env, "INWX_PASSWORD=pw\n");
        var fixedRun = CliRun.Invoke("lint", host);
        Assert.True(fixedRun.ExitCode == ExitCodes.Ok, fixedRun.Stderr);
    }

    [Fact]
    public void Preview_flags_it_below_its_root_and_lint_without_the_file_does_not()
    {
        var root = _dir.CreateSubdirectory("root");
        Directory.CreateDirectory(Path.Combine(root.FullName, "run", "secrets"));
        SecretFile.Write(Path.Combine(root.FullName, "run", "secrets", "inwx.env"), "INWX_PASSWORD=pw\n");
        var host = Host("/run/secrets/inwx.env");

        var preview = CliRun.Invoke("preview", host, "--root", root.FullName);
        Assert.Equal(ExitCodes.InputErrors, preview.ExitCode);
        Assert.Contains("needs INWX_USERNAME and INWX_PASSWORD", preview.Stderr);

        // Where lint runs (CI) the secrets are absent: nothing to judge.
        var lint = CliRun.Invoke("lint", host);
        Assert.DoesNotContain(LintCodes.DnsCredentialsMissing, lint.Stderr);
    }
}
