using ConfigLang.Acme.Tests.Testbed;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// Errors a user causes, as rebuild and preview say them: a missing credential file stops preview
/// and rebuild beforehand (CL3024, at the option) while lint, run by CI without the secrets, stays
/// silent; a CA whose HTTPS certificate is not trusted is named once, with <c>--ca-file</c> as the fix;
/// a postRun whose bash cannot start says why, and that it stays pending.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ErrorTextCommandTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("configlang-errortext-");

    public void Dispose() => _work.Delete(recursive: true);

    private string Host(string server)
    {
        var host = Path.Combine(_work.FullName, "host.nix");
        File.WriteAllText(host, $$"""
            { ... }:
            {
              security.acme = {
                acceptTerms = true;
                defaults.email = "admin@example.test";
                defaults.server = "{{server}}";
                certs."www.example.test" = {
                  dnsProvider = "rfc2136";
                  dnsPropagationCheck = false;
                  environmentFile = "/run/secrets/rfc2136.env";
                };
              };
            }
            """);
        return host;
    }

    [Fact]
    public void A_missing_credential_file_stops_preview_and_rebuild_at_its_option_and_lint_stays_silent()
    {
        var host = Host("https://127.0.0.1:9/dir");
        var root = Path.Combine(_work.FullName, "root");

        var preview = CliRun.Invoke("preview", host, "--root", root);
        var rebuild = CliRun.Invoke("rebuild", host, "--root", root, "--service-manager", "none");
        var lint = CliRun.Invoke("lint", host);

        var expected = $"error[CL3024]: `security.acme.certs.\"www.example.test\".environmentFile' is /run/secrets/rfc2136.env, which does not exist on this host (looked for {root}/run/secrets/rfc2136.env, under --root)";
        Assert.Equal(1, preview.ExitCode);
        Assert.Contains(expected, preview.Stderr);
        Assert.Contains($"--> {host}:10:7", preview.Stderr);
        Assert.Equal(1, rebuild.ExitCode);
        Assert.Contains(expected, rebuild.Stderr);
        Assert.False(Directory.Exists(root), "nothing is written before the error");
        Assert.True(lint.ExitCode == 0, lint.Stderr);
    }

    [Fact]
    public async Task An_untrusted_ca_is_named_once_with_the_reason_and_ca_file_as_the_fix()
    {
        await using var testbed = Testbed.FromEnvironment() ?? await Testbed.StartAsync();
        var directory = testbed.Env["ACME_DIRECTORY_URL"];
        var root = Path.Combine(_work.FullName, "root");
        RebuildAgainstTestbedTests.WriteRfc2136Secrets(root, testbed);

        var run = CliRun.Invoke("rebuild", Host(directory), "--root", root, "--service-manager", "none");

        Assert.True(run.ExitCode == 3, run.Stderr);
        var sentence = $"cannot reach the ACME server at {directory}: the TLS connection failed: its certificate is not signed by a CA this host trusts";
        Assert.Contains($"error: certificate 'www.example.test': {sentence}\n", run.Stderr);
        Assert.Contains("  = help: for a private CA (pebble, step-ca, a company CA), pass its CA certificate with --ca-file PEM (or SSL_CERT_FILE)\n", run.Stderr);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(run.Stdout + run.Stderr, "cannot reach the ACME server"));
        Assert.DoesNotContain("see inner exception", run.Stdout + run.Stderr);
        Assert.Contains("www.example.test  issue   FAILED  -          no certificate on disk; the error is reported on stderr", run.Stdout);
    }
    [Fact]
    public async Task A_postRun_that_cannot_start_says_why_and_that_it_stays_pending()
    {
        await using var testbed = Testbed.FromEnvironment() ?? await Testbed.StartAsync();
        var zone = testbed.Env["ACME_DNS_ZONE"];
        var domain = $"nb-{Guid.NewGuid():N}"[..11] + "." + zone;
        var root = Path.Combine(_work.FullName, "root");
        RebuildAgainstTestbedTests.WriteRfc2136Secrets(root, testbed);
        var host = Path.Combine(_work.FullName, "host.nix");
        File.WriteAllText(host, $$"""
            {
              security.acme = {
                acceptTerms = true;
                defaults.email = "admin@{{zone}}";
                defaults.server = "{{testbed.Env["ACME_DIRECTORY_URL"]}}";
                certs."{{domain}}" = {
                  dnsProvider = "rfc2136";
                  dnsPropagationCheck = false;
                  environmentFile = "/run/secrets/rfc2136.env";
                  postRun = "exit 1";
                };
              };
            }
            """);
        string[] args = [host, "--root", root, "--service-manager", "none", "--ca-file", testbed.Env["ACME_HTTPS_CA_CERT"]];
        var first = CliRun.Invoke(["rebuild", .. args]);
        Assert.True(first.ExitCode == 3 && first.Stderr.Contains("postRun exited with status 1"), first.Stderr);

        // The timer's renew on a host whose PATH has no bash: the pending postRun cannot even start.
        var renew = CliProcess.Run(new Dictionary<string, string> { ["PATH"] = "/nonexistent-bin" }, ["renew", .. args]);

        Assert.True(renew.ExitCode == 3, renew.Stderr);
        Assert.Contains($"error: certificate '{domain}': postRun did not run: cannot start bash: bash is not installed or not on PATH (/nonexistent-bin); " +
            "it stays pending and runs again on the next rebuild or renew\n", renew.Stderr.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("An error occurred trying to start process", renew.Stderr);
        Assert.True(File.Exists(Path.Combine(root, "var", "lib", "acme", domain, "postrun-pending")));
    }
}
