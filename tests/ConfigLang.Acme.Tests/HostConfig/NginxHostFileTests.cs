using ConfigLang.Acme.HostConfig;
using ConfigLang.Acme.Model;
using ConfigLang.Acme.Storage;
using ConfigLang.Acme.Tests.Storage;

namespace ConfigLang.Acme.Tests.HostConfig;

/// <summary>
/// The nginx.conf a rebuild writes for the host, as NixOS's module lays it out (user, pid, NixOS's
/// http defaults, the challenge location with auth_basic and auth_request off), checked by the
/// real <c>nginx -t</c> as the host would read it; and a file ConfigLang did not write (Debian's
/// own nginx.conf) kept beside it under a dated name.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class NginxHostFileTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static NginxVirtualHost[] Hosts() =>
    [
        new NginxVirtualHost
        {
            ServerNames = ["www.example.test", "example.test"], Tls = NginxTlsMode.ForceSsl, AcmeRoot = "/var/lib/acme/acme-challenge",
            Locations = [new NginxLocation { Path = "/", ProxyPass = "http://127.0.0.1:8080", ExtraConfig = "proxy_set_header Upgrade $http_upgrade;\nproxy_set_header Connection $connection_upgrade;" }],
        }.WithAcmeCertificate("/var/lib/acme/www.example.test"),
        new NginxVirtualHost
        {
            ServerNames = ["dns.example.test"], Tls = NginxTlsMode.OnlySsl,
            // A site behind a login: the challenge location must not ask the CA for one.
            ExtraConfig = "auth_request /auth;",
            Locations = [new NginxLocation { Path = "= /auth", ExtraConfig = "internal;\nreturn 204;" }],
        }.WithAcmeCertificate("/var/lib/acme/dns.example.test"),
        new NginxVirtualHost { ServerNames = ["plain.example.test"] },
    ];

    private static void Placeholders(string root, params string[] names)
    {
        var store = new CertificateStore(root);
        foreach (var name in names)
        {
            store.InstallPlaceholder(new CertificateRequest
            {
                Name = name, Domains = [Identifier.Dns(name)], Challenge = new ChallengeSettings { Kind = ChallengeKind.Http01, Webroot = "/x" }, Group = "nginx",
            }, Now);
        }
    }

    [Fact]
    public void The_host_file_has_the_header_user_pid_and_nixos_http_defaults()
    {
        var text = NginxConfigWriter.WholeFile(Hosts(), new NginxMainSettings { User = "web", Group = "webgroup" });
        var lines = text.Split('\n');

        Assert.Equal(GeneratedFileWriter.Header.TrimEnd('\n'), lines[0]);
        Assert.Equal(["user web webgroup;", "pid /run/nginx.pid;"], lines[1..3]);
        Assert.Contains("http {\n  include mime.types;\n  default_type application/octet-stream;\n", text);
        Assert.Contains("  ssl_protocols TLSv1.2 TLSv1.3;\n", text);
        Assert.Contains("  server_tokens off;\n", text);
        Assert.DoesNotContain("daemon", text);
        Assert.Contains(
            "location ^~ /.well-known/acme-challenge/ {\n      root /var/lib/acme/acme-challenge;\n      auth_basic off;\n      auth_request off;\n    }",
            text);
    }

    [Fact]
    public void The_written_host_file_passes_nginx_t_as_the_host_reads_it()
    {
        using var root = new TempRoot();
        Placeholders(root.Path, "www.example.test", "dns.example.test");
        var written = GeneratedFileWriter.Write(new RootedFileSystem(root.Path), "/etc/nginx/nginx.conf", NginxConfigWriter.WholeFile(Hosts()), backupForeignAt: Now);
        NginxProcess.CopyHostMimeTypes(root.File_("etc", "nginx"));

        var (code, output, checkedText) = NginxProcess.TestAsHostReads(root.Path, root.File_("nginx"));

        Assert.True(written.Changed);
        Assert.Null(written.BackupPath);
        Assert.True(code == 0, output + "\n" + checkedText);
        Assert.Contains("syntax is ok", output);
        Assert.Contains("test is successful", output);
    }

    [Fact]
    public void Nginx_t_as_the_host_reads_it_rejects_a_missing_certificate_so_the_check_above_is_real()
    {
        using var root = new TempRoot();
        Placeholders(root.Path, "www.example.test");
        GeneratedFileWriter.Write(new RootedFileSystem(root.Path), "/etc/nginx/nginx.conf", NginxConfigWriter.WholeFile(Hosts()));
        NginxProcess.CopyHostMimeTypes(root.File_("etc", "nginx"));

        var (code, output, _) = NginxProcess.TestAsHostReads(root.Path, root.File_("nginx"));

        Assert.NotEqual(0, code);
        Assert.Contains("dns.example.test/fullchain.pem", output);
    }

    [Fact]
    public void A_file_configlang_did_not_write_is_kept_as_a_dated_backup_and_only_once()
    {
        using var root = new TempRoot();
        var rooted = new RootedFileSystem(root.Path);
        var target = root.File_("etc", "nginx", "nginx.conf");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var debian = File.ReadAllText("/etc/nginx/nginx.conf");
        File.WriteAllText(target, debian);
        Assert.True(GeneratedFileWriter.IsForeign(rooted, "/etc/nginx/nginx.conf"));

        var first = GeneratedFileWriter.Write(rooted, "/etc/nginx/nginx.conf", NginxConfigWriter.WholeFile(Hosts()), backupForeignAt: Now);

        Assert.Equal(target + ".before-configlang-20260601T120000Z", first.BackupPath);
        Assert.Equal(debian, File.ReadAllText(first.BackupPath!));
        Assert.Equal(NginxConfigWriter.WholeFile(Hosts()), File.ReadAllText(target));
        Assert.False(GeneratedFileWriter.IsForeign(rooted, "/etc/nginx/nginx.conf"));

        var second = GeneratedFileWriter.Write(rooted, "/etc/nginx/nginx.conf", NginxConfigWriter.WholeFile(Hosts()[..1]), backupForeignAt: Now);

        Assert.True(second.Changed);
        Assert.Null(second.BackupPath);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(target)!, "nginx.conf.before-configlang-*"));

        // Edited by hand down to nothing of ours, twice in one second: two backups, neither overwritten.
        File.WriteAllText(target, "events {}\n");
        var third = GeneratedFileWriter.Write(rooted, "/etc/nginx/nginx.conf", NginxConfigWriter.WholeFile(Hosts()), backupForeignAt: Now);
        Assert.Equal(target + ".before-configlang-20260601T120000Z-2", third.BackupPath);
        Assert.Equal("events {}\n", File.ReadAllText(third.BackupPath!));
        Assert.Equal(debian, File.ReadAllText(first.BackupPath!));
    }

    [Fact]
    public void A_link_where_nginx_conf_belongs_is_refused_and_nothing_is_kept_through_it()
    {
        using var root = new TempRoot();
        using var outside = new OutsideTree();
        var target = root.File_("etc", "nginx", "nginx.conf");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.CreateSymbolicLink(target, outside.Victim);

        Assert.Throws<UnsafePathException>(() =>
            GeneratedFileWriter.Write(new RootedFileSystem(root.Path), "/etc/nginx/nginx.conf", NginxConfigWriter.WholeFile(Hosts()), backupForeignAt: Now));

        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(target)!, "nginx.conf.before-configlang-*"));
        outside.AssertUnchanged();
    }
}
