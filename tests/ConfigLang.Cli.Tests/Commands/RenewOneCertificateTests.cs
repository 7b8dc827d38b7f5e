namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// <c>configlang renew CONFIG --cert NAME</c>, what each acme-NAME.service runs: only that
/// certificate is planned and ordered; a name the configuration does not have is a usage error.
/// Offline: the CA is a port nobody listens on, so the one order fails fast.
/// </summary>
public sealed class RenewOneCertificateTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("configlang-renew-cert-");

    public void Dispose() => _work.Delete(recursive: true);

    private string Host()
    {
        var host = Path.Combine(_work.FullName, "host.nix");
        File.WriteAllText(host, """
            {
              security.acme = {
                acceptTerms = true;
                defaults.email = "admin@example.org";
                defaults.server = "https://127.0.0.1:9/dir";
                defaults.listenHTTP = "127.0.0.1:9";
                certs."a.example.org" = { };
                certs."b.example.org" = { };
              };
              networking.firewall.allowedTCPPorts = [ 80 ];
            }
            """);
        return host;
    }

    [Fact]
    public void Renew_with_cert_works_on_that_certificate_alone()
    {
        var run = CliRun.Invoke("renew", Host(), "--root", Path.Combine(_work.FullName, "root"), "--service-manager", "none", "--cert", "b.example.org");

        Assert.True(run.ExitCode == 3, run.Stdout + run.Stderr);
        Assert.Contains("b.example.org", run.Stdout);
        Assert.DoesNotContain("a.example.org", run.Stdout + run.Stderr);
    }

    [Fact]
    public void A_certificate_the_configuration_does_not_have_is_a_usage_error_naming_the_ones_it_has()
    {
        var root = Path.Combine(_work.FullName, "root");

        var run = CliRun.Invoke("renew", Host(), "--root", root, "--service-manager", "none", "--cert", "c.example.org");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("has no certificate 'c.example.org' (it has: a.example.org, b.example.org)", run.Stderr);
        Assert.False(Directory.Exists(root));
    }

    [Fact]
    public void Rebuild_has_no_cert_flag_since_it_always_works_on_every_certificate()
    {
        var run = CliRun.Invoke("rebuild", Host(), "--cert", "a.example.org");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("unknown flag '--cert'", run.Stderr);
    }

    [Fact]
    public async Task Renew_with_cert_waits_for_another_run_to_finish_where_a_plain_renew_fails_at_once()
    {
        var host = Host();
        var root = Path.Combine(_work.FullName, "root");
        var held = Acme.Execution.RebuildLock.Acquire(root);

        var plain = CliRun.Invoke("renew", host, "--root", root, "--service-manager", "none");
        var waiting = Task.Run(() => CliRun.Invoke("renew", host, "--root", root, "--service-manager", "none", "--cert", "a.example.org"));
        await Task.Delay(2000);
        var stillWaiting = !waiting.IsCompleted;
        held.Dispose();
        var unit = await waiting;

        Assert.Equal(3, plain.ExitCode);
        Assert.Contains("another configlang rebuild or renew is running", plain.Stderr);
        Assert.True(stillWaiting);
        // It got the lock and went on to the (dead) CA.
        Assert.True(unit.ExitCode == 3, unit.Stderr);
        Assert.Contains("error: certificate 'a.example.org'", unit.Stderr);
    }
}
