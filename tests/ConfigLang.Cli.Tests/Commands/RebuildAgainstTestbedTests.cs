using System.Security.Cryptography.X509Certificates;
using ConfigLang.Acme.Tests.HostConfig;
using ConfigLang.Acme.Tests.Testbed;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// <c>configlang rebuild</c> against the real ACME testbed (pebble + knot, see
/// tests/acme-testbed): a DNS-01 (RFC 2136 + TSIG) host, so no challenge port is bound and
/// nothing clashes with the Acme tests running at the same time. It reuses CI's testbed (its
/// environment) or starts a private one on free ports, as the Acme tests do.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RebuildAgainstTestbedTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("configlang-rebuild-tb-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task Rebuild_issues_installs_and_reloads_then_a_second_rebuild_and_a_renew_do_nothing()
    {
        await using var testbed = Testbed.FromEnvironment() ?? await Testbed.StartAsync();
        string Env(string name) => testbed.Env[name];
        var directory = Env("ACME_DIRECTORY_URL");
        var caFile = Env("ACME_HTTPS_CA_CERT");
        var zone = Env("ACME_DNS_ZONE");
        var domain = $"rb-{Guid.NewGuid():N}"[..11] + "." + zone;
        var root = Path.Combine(_work.FullName, "root");
        WriteRfc2136Secrets(root, testbed);
        var reloadLog = Path.Combine(_work.FullName, "reloads.log");
        var reload = Path.Combine(_work.FullName, "reload.sh");
        File.WriteAllText(reload, $"#!/bin/sh\necho \"$@\" >> '{reloadLog}'\n");
        var host = Path.Combine(_work.FullName, "host.nix");
        File.WriteAllText(host, $$"""
            { config, ... }:
            {
              security.acme = {
                acceptTerms = true;
                defaults.email = "admin@{{zone}}";
                defaults.server = "{{directory}}";
                certs."{{domain}}" = {
                  group = config.services.nginx.group;
                  dnsProvider = "rfc2136";
                  dnsPropagationCheck = false;
                  environmentFile = "/run/secrets/rfc2136.env";
                };
              };
              services.nginx = {
                enable = true;
                virtualHosts."{{domain}}" = { forceSSL = true; useACMEHost = "{{domain}}"; };
              };
            }
            """);
        string[] args = ["rebuild", host, "--root", root, "--service-manager", "exec:/bin/sh " + reload, "--ca-file", caFile];
        // The host's own nginx.conf (Debian's) is there before ConfigLang's first rebuild.
        var nginxConf = Path.Combine(root, "etc", "nginx", "nginx.conf");
        Directory.CreateDirectory(Path.GetDirectoryName(nginxConf)!);
        File.Copy("/etc/nginx/nginx.conf", nginxConf);

        var first = CliRun.Invoke(args);

        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        var backup = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(nginxConf)!, "nginx.conf.before-configlang-*"));
        Assert.Equal(File.ReadAllText("/etc/nginx/nginx.conf"), File.ReadAllText(backup));
        Assert.Contains($"nginx: {nginxConf} was not written by ConfigLang; kept it as {backup}", first.Stderr);
        Assert.Contains("\nuser nginx nginx;\n", File.ReadAllText(nginxConf));
        NginxProcess.CopyHostMimeTypes(Path.GetDirectoryName(nginxConf)!);
        var (nginxCode, nginxOutput, nginxText) = NginxProcess.TestAsHostReads(root, Path.Combine(_work.FullName, "nginx"));
        Assert.True(nginxCode == 0, nginxOutput + "\n" + nginxText);
        // The units as systemd on that host reads them: the certificate's, and nginx's drop-in ordering it.
        var units = Path.Combine(root, "etc", "systemd", "system");
        Assert.Contains($"--cert {domain}\n", File.ReadAllText(Path.Combine(units, $"acme-{domain}.service")));
        Assert.Contains($"After=acme-{domain}.service\n", File.ReadAllText(Path.Combine(units, "nginx.service.d", "configlang-acme.conf")));
        SystemdRoot.Prepare(root);
        SystemdRoot.Executable(root, "/usr/sbin/nginx");
        var (verifyCode, verifyOutput) = SystemdRoot.Verify(root, [$"acme-{domain}.service", $"acme-{domain}.timer", "nginx.service"]);
        Assert.True(verifyCode == 0 && verifyOutput.Length == 0, verifyOutput);
        var certDir = Path.Combine(root, "var", "lib", "acme", domain);
        var fullchain = File.ReadAllText(Path.Combine(certDir, "fullchain.pem"));
        using (var leaf = X509Certificate2.CreateFromPem(fullchain))
        {
            Assert.Contains(domain, leaf.GetNameInfo(X509NameType.DnsName, forIssuer: false));
            Assert.Contains("Pebble", leaf.Issuer);
        }
        Assert.Contains("installed", first.Stdout);
        Assert.Contains($"{domain}: ", first.Stderr);
        Assert.Contains("nginx.service", File.ReadAllText(reloadLog));
        Assert.Contains($"ssl_certificate /var/lib/acme/{domain}/fullchain.pem;", File.ReadAllText(Path.Combine(root, "etc", "nginx", "nginx.conf")));
        var reloadsAfterFirst = File.ReadAllText(reloadLog);

        var second = CliRun.Invoke(args);

        Assert.True(second.ExitCode == 0, second.Stdout + second.Stderr);
        Assert.Contains("unchanged", second.Stdout);
        Assert.Equal(fullchain, File.ReadAllText(Path.Combine(certDir, "fullchain.pem")));
        Assert.Equal(reloadsAfterFirst, File.ReadAllText(reloadLog));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(nginxConf)!, "nginx.conf.before-configlang-*"));

        var renew = CliRun.Invoke(["renew", .. args[1..]]);

        Assert.True(renew.ExitCode == 0, renew.Stdout + renew.Stderr);
        Assert.Contains("keep", renew.Stdout);
        Assert.Equal(fullchain, File.ReadAllText(Path.Combine(certDir, "fullchain.pem")));
        Assert.Equal(reloadsAfterFirst, File.ReadAllText(reloadLog));
    }

    /// <summary><c>/run/secrets/rfc2136.env</c> under <paramref name="root"/>, readable by its owner only as lint's CL3013 asks of a secret.</summary>
    internal static void WriteRfc2136Secrets(string root, Testbed testbed)
    {
        var file = Path.Combine(Directory.CreateDirectory(Path.Combine(root, "run", "secrets")).FullName, "rfc2136.env");
        SecretFile.Write(file,
            $"RFC2136_NAMESERVER={testbed.Env["ACME_DNS_SERVER"]}\nRFC2136_TSIG_KEY={testbed.Env["ACME_TSIG_KEY_NAME"]}\n" +
            $"RFC2136_TSIG_SECRET={testbed.Env["ACME_TSIG_SECRET"]}\nRFC2136_TSIG_ALGORITHM={testbed.Env["ACME_TSIG_ALGORITHM"]}.\n");
    }

    [Fact]
    public async Task A_failing_postRun_shows_its_status_and_output_and_the_next_rebuild_and_renew_run_it_again_until_it_succeeds()
    {
        await using var testbed = Testbed.FromEnvironment() ?? await Testbed.StartAsync();
        var zone = testbed.Env["ACME_DNS_ZONE"];
        var domain = $"pr-{Guid.NewGuid():N}"[..11] + "." + zone;
        var root = Path.Combine(_work.FullName, "root");
        WriteRfc2136Secrets(root, testbed);
        var allow = Path.Combine(_work.FullName, "allow");
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
                  postRun = ''
                    echo "postRun ran in $PWD" >> runs.log
                    echo "cannot reach the mail server" >&2
                    test -e ${toString {{allow}}}
                  '';
                };
              };
            }
            """);
        string[] args = ["rebuild", host, "--root", root, "--service-manager", "none", "--ca-file", testbed.Env["ACME_HTTPS_CA_CERT"]];
        var runs = Path.Combine(root, "var", "lib", "acme", domain, "runs.log");

        var first = CliRun.Invoke(args);

        Assert.True(first.ExitCode == 3, first.Stdout + first.Stderr);
        var stderr = first.Stderr.ReplaceLineEndings("\n");
        Assert.Contains($"error: certificate '{domain}': postRun exited with status 1; it stays pending and runs again on the next rebuild or renew\n", stderr);
        Assert.Contains("  its output:\n  | cannot reach the mail server\n", stderr);
        Assert.Single(File.ReadAllLines(runs));

        var second = CliRun.Invoke(args);

        Assert.True(second.ExitCode == 3, second.Stdout + second.Stderr);
        Assert.Contains("postRun exited with status 1", second.Stderr);
        Assert.Equal(2, File.ReadAllLines(runs).Length);

        File.WriteAllText(allow, "");
        var renew = CliRun.Invoke(["renew", .. args[1..]]);

        Assert.True(renew.ExitCode == 0, renew.Stdout + renew.Stderr);
        Assert.Contains("the pending postRun succeeded", renew.Stdout);
        Assert.Equal(3, File.ReadAllLines(runs).Length);

        var quiet = CliRun.Invoke(args);

        Assert.True(quiet.ExitCode == 0, quiet.Stdout + quiet.Stderr);
        Assert.Equal(3, File.ReadAllLines(runs).Length);
    }

    [Fact]
    public async Task An_httpreq_endpoint_password_is_sent_as_basic_auth_and_printed_nowhere_when_the_request_fails()
    {
        await using var testbed = Testbed.FromEnvironment() ?? await Testbed.StartAsync();
        const string password = "pw-Zq81xv";
        string? authorization = null;
        using var hook = new FakeHttpServer(request =>
        {
            authorization = request.Header("Authorization");
            return (500, $"{{\"error\":\"no zone for you, u:{password}\"}}", null);
        });
        var zone = testbed.Env["ACME_DNS_ZONE"];
        var domain = $"rq-{Guid.NewGuid():N}"[..11] + "." + zone;
        var root = Path.Combine(_work.FullName, "root");
        var secrets = Directory.CreateDirectory(Path.Combine(root, "run", "secrets"));
        var environmentFile = Path.Combine(secrets.FullName, "httpreq.env");
        SecretFile.Write(environmentFile, $"HTTPREQ_ENDPOINT=http://u:{password}@127.0.0.1:{hook.BaseUrl.Port}/hook\n");
        var host = Path.Combine(_work.FullName, "host.nix");
        File.WriteAllText(host, $$"""
            {
              security.acme = {
                acceptTerms = true;
                defaults.email = "admin@{{zone}}";
                defaults.server = "{{testbed.Env["ACME_DIRECTORY_URL"]}}";
                certs."{{domain}}" = {
                  dnsProvider = "httpreq";
                  dnsPropagationCheck = false;
                  environmentFile = "/run/secrets/httpreq.env";
                };
              };
            }
            """);

        var run = CliRun.Invoke("rebuild", host, "--root", root, "--service-manager", "none", "--ca-file", testbed.Env["ACME_HTTPS_CA_CERT"], "--timeout", "10");

        Assert.True(run.ExitCode == 3, run.Stdout + run.Stderr);
        Assert.Equal("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("u:" + password)), authorization);
        Assert.Contains($"httpreq: present _acme-challenge.{domain}.: http://127.0.0.1:{hook.BaseUrl.Port}/hook/present: HTTP 500", run.Stderr);
        Assert.DoesNotContain("Zq81xv", run.Stdout + run.Stderr);
    }
}
