using System.Security.Cryptography.X509Certificates;
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
        var secrets = Directory.CreateDirectory(Path.Combine(root, "run", "secrets"));
        // Readable by its owner only, as lint's CL3013 asks of a secret.
        File.WriteAllText(Path.Combine(secrets.FullName, "rfc2136.env"), "");
        File.SetUnixFileMode(Path.Combine(secrets.FullName, "rfc2136.env"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(Path.Combine(secrets.FullName, "rfc2136.env"),
            $"RFC2136_NAMESERVER={Env("ACME_DNS_SERVER")}\nRFC2136_TSIG_KEY={Env("ACME_TSIG_KEY_NAME")}\n" +
            $"RFC2136_TSIG_SECRET={Env("ACME_TSIG_SECRET")}\nRFC2136_TSIG_ALGORITHM={Env("ACME_TSIG_ALGORITHM")}.\n");
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

        var first = CliRun.Invoke(args);

        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
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

        var renew = CliRun.Invoke(["renew", .. args[1..]]);

        Assert.True(renew.ExitCode == 0, renew.Stdout + renew.Stderr);
        Assert.Contains("keep", renew.Stdout);
        Assert.Equal(fullchain, File.ReadAllText(Path.Combine(certDir, "fullchain.pem")));
        Assert.Equal(reloadsAfterFirst, File.ReadAllText(reloadLog));
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
        File.WriteAllText(environmentFile, "");
        File.SetUnixFileMode(environmentFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(environmentFile, $"HTTPREQ_ENDPOINT=http://u:{password}@127.0.0.1:{hook.BaseUrl.Port}/hook\n");
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
        Assert.Contains($"httpreq: present _acme-challenge.{domain}.: http://127.0.0.1:{hook.BaseUrl.Port}/hook/present answered 500", run.Stderr);
        Assert.DoesNotContain("Zq81xv", run.Stdout + run.Stderr);
    }
}
