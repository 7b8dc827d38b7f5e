using System.Net;
using ConfigLang.Acme.HostConfig;
using ConfigLang.Acme.Model;
using ConfigLang.Acme.Storage;
using ConfigLang.Acme.Tests.Storage;
using ConfigLang.TestSupport;

namespace ConfigLang.Acme.Tests.HostConfig;

public sealed class NginxConfigWriterTests
{
    private static NginxVirtualHost[] Hosts(string root, int httpPort, int httpsPort)
    {
        var http = new[] { new NginxListen("127.0.0.1", httpPort, false) };
        var https = new[] { new NginxListen("127.0.0.1", httpsPort, true) };
        var acmeRoot = Path.Combine(root, "var", "lib", "acme", "acme-challenge");
        string CertDir(string name) => new StateLayout(root).CertificateDirectory(name);
        return
        [
            new NginxVirtualHost
            {
                ServerNames = ["forced.example.test", "www.forced.example.test"], HttpListen = http, HttpsListen = https,
                Tls = NginxTlsMode.ForceSsl, AcmeRoot = acmeRoot, RedirectCode = 308,
                Locations =
                [
                    new NginxLocation { Path = "/", Root = Path.Combine(root, "srv", "www") },
                    new NginxLocation { Path = "/api/", ProxyPass = "http://127.0.0.1:9" , ExtraConfig = "proxy_set_header Host $host;\nproxy_read_timeout 5s;" },
                    new NginxLocation { Path = "/static/", Alias = Path.Combine(root, "srv", "static") + "/" },
                    new NginxLocation { Path = "~ \\.php$", ExtraConfig = "return 403;" },
                ],
                ExtraConfig = "add_header X-Generated configlang;",
            }.WithAcmeCertificate(CertDir("forced.example.test")),
            new NginxVirtualHost
            {
                ServerNames = ["both.example.test"], HttpListen = http, HttpsListen = https, Tls = NginxTlsMode.AddSsl, AcmeRoot = acmeRoot,
                Root = Path.Combine(root, "srv", "with space"),
            }.WithAcmeCertificate(CertDir("both.example.test")),
            new NginxVirtualHost
            {
                ServerNames = ["only.example.test"], HttpsListen = https, Tls = NginxTlsMode.OnlySsl,
            }.WithAcmeCertificate(CertDir("only.example.test")),
            new NginxVirtualHost { ServerNames = ["plain.example.test"], HttpListen = http },
        ];
    }

    private static void InstallPlaceholders(string root, params string[] names)
    {
        var store = new CertificateStore(root);
        foreach (var name in names)
        {
            store.InstallPlaceholder(new CertificateRequest
            {
                Name = name, Domains = [Identifier.Dns(name)], Challenge = new ChallengeSettings { Kind = ChallengeKind.Http01, Webroot = "/x" },
                Group = "nginx",
            }, DateTimeOffset.UtcNow);
        }
    }

    [Fact]
    public void Generated_whole_file_passes_nginx_t_with_every_tls_mode_and_location_kind()
    {
        using var root = new TempRoot();
        InstallPlaceholders(root.Path, "forced.example.test", "both.example.test", "only.example.test");
        using var nginx = new NginxProcess(root.File_("nginx"));
        File.WriteAllText(nginx.ConfigFile, NginxConfigWriter.WholeFile(Hosts(root.Path, FreePorts.TakeOne(), FreePorts.TakeOne()), nginx.Settings));

        var (code, output) = NginxProcess.Run(nginx.Arguments("-t"));

        Assert.True(code == 0, output + "\n" + File.ReadAllText(nginx.ConfigFile));
        Assert.Contains("syntax is ok", output);
    }

    [Fact]
    public void Nginx_t_rejects_a_broken_extra_config_so_the_check_above_is_real()
    {
        using var root = new TempRoot();
        using var nginx = new NginxProcess(root.File_("nginx"));
        var broken = new NginxVirtualHost { ServerNames = ["plain.example.test"], HttpListen = [new("127.0.0.1", FreePorts.TakeOne(), false)], ExtraConfig = "no_such_directive on;" };
        File.WriteAllText(nginx.ConfigFile, NginxConfigWriter.WholeFile([broken], nginx.Settings));

        var (code, output) = NginxProcess.Run(nginx.Arguments("-t"));

        Assert.NotEqual(0, code);
        Assert.Contains("no_such_directive", output);
    }

    [Fact]
    public void ForceSsl_answers_the_challenge_in_both_servers_and_redirects_the_rest()
    {
        var text = NginxConfigWriter.Servers([Hosts("/", 80, 443)[0]]);
        var servers = text.Split("server {", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, servers.Length);
        var redirect = servers[0];
        Assert.Contains("listen 127.0.0.1:80;", redirect);
        Assert.Contains("location ^~ /.well-known/acme-challenge/ {\n    root /var/lib/acme/acme-challenge;", redirect);
        Assert.Contains("return 308 https://$host$request_uri;", redirect);
        Assert.DoesNotContain("ssl_certificate", redirect);
        var main = servers[1];
        Assert.Contains("listen 127.0.0.1:443 ssl;", main);
        Assert.Contains("ssl_certificate /var/lib/acme/forced.example.test/fullchain.pem;", main);
        Assert.Contains("ssl_certificate_key /var/lib/acme/forced.example.test/key.pem;", main);
        Assert.Contains("ssl_trusted_certificate /var/lib/acme/forced.example.test/chain.pem;", main);
        Assert.Contains("location ^~ /.well-known/acme-challenge/", main);
        Assert.Contains("server_name forced.example.test www.forced.example.test;", main);
    }

    [Fact]
    public void Dns01_hosts_get_no_challenge_location_and_tls_without_paths_is_refused()
    {
        var dnsHost = new NginxVirtualHost { ServerNames = ["d.example.test"], Tls = NginxTlsMode.OnlySsl }.WithAcmeCertificate("/var/lib/acme/d");
        Assert.DoesNotContain("acme-challenge", NginxConfigWriter.Servers([dnsHost]));
        Assert.Throws<ArgumentException>(() => NginxConfigWriter.Servers([new NginxVirtualHost { ServerNames = ["x"], Tls = NginxTlsMode.AddSsl }]));
    }

    [Fact]
    public void Values_with_spaces_or_semicolons_are_quoted()
    {
        Assert.Equal("\"/srv/with space\"", NginxConfigWriter.Quote("/srv/with space"));
        Assert.Equal("\"a;b\"", NginxConfigWriter.Quote("a;b"));
        Assert.Equal("/srv/www", NginxConfigWriter.Quote("/srv/www"));
    }
}
