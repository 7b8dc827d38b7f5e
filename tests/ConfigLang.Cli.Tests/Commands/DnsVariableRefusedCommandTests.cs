using ConfigLang.Host;
using ConfigLang.TestSupport;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// A readable environment file setting a DNS provider's numeric variable to a value the provider
/// refuses fails <c>lint</c> (exit 1, CL3025 at the definition, naming the variable, printing no
/// value) instead of the host's rebuild stopping the certificate. Run as a process, as CI runs lint.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DnsVariableRefusedCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("configlang-dns-variable-");

    public void Dispose() => _dir.Delete(recursive: true);

    private (string Host, string Env) Write(string environment)
    {
        var env = Path.Combine(_dir.FullName, "cloudflare.env");
        SecretFile.Write(env, environment);
        var host = Path.Combine(_dir.FullName, "host.nix");
        File.WriteAllText(host, $$"""
            {
              security.acme.acceptTerms = true;
              security.acme.defaults.email = "ops@example.org";
              security.acme.certs."example.org" = {
                dnsProvider = "cloudflare";
                environmentFile = "{{env}}";
              };
            }
            """);
        return (host, env);
    }

    [Fact]
    public void Lint_reports_a_ttl_cloudflare_refuses_without_printing_it()
    {
        var (host, _) = Write("CLOUDFLARE_DNS_API_TOKEN=x\nCF_TTL=60s\n");

        var run = CliProcess.Run("lint", host);

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains($"error[{LintCodes.DnsVariableRefused}]", run.Stderr);
        Assert.Contains("CF_TTL must be a whole number of at least 0", run.Stderr);
        Assert.Contains($"--> {host}:6:5", run.Stderr);
        Assert.DoesNotContain("60s", run.Stdout + run.Stderr);
    }

    [Fact]
    public void Lint_takes_a_ttl_cloudflare_takes()
    {
        var (host, _) = Write("CLOUDFLARE_DNS_API_TOKEN=x\nCF_TTL=60\n");

        var run = CliProcess.Run("lint", host);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        Assert.DoesNotContain(LintCodes.DnsVariableRefused, run.Stdout + run.Stderr);
    }
}
