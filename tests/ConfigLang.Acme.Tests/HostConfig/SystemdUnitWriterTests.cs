using System.Diagnostics;
using ConfigLang.Acme.HostConfig;
using ConfigLang.Acme.Model;
using ConfigLang.Acme.Storage;
using ConfigLang.Acme.Tests.Storage;

namespace ConfigLang.Acme.Tests.HostConfig;

/// <summary>
/// Per-certificate units as NixOS lays them out (acme-NAME.service and .timer), consumers' drop-ins
/// ordering them after (or, serving the webroot, before) their certificates, written only when
/// changed, stale ones removed, and the whole set checked by the real <c>systemd-analyze --root verify</c>.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SystemdUnitWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Command = ["/usr/bin/configlang", "renew", "/etc/configlang/my host.nix", "--ca-file", "/etc/ssl/pebble.pem"];

    private static CertificateRequest Web => new()
    {
        Name = "www.example.test", Domains = [Identifier.Dns("www.example.test")], RenewInterval = "*-*-* 04:00:00",
        Challenge = new ChallengeSettings { Kind = ChallengeKind.Http01, Webroot = "/var/lib/acme/acme-challenge" },
        UsedBy = ["nginx", "postfix"], Group = "nginx",
    };

    private static CertificateRequest Mail => new()
    {
        Name = "mail.example.test", Domains = [Identifier.Dns("mail.example.test")],
        Challenge = new ChallengeSettings { Kind = ChallengeKind.Dns01, DnsProvider = "rfc2136" },
        UsedBy = ["postfix.service", "dovecot2", "nginx"],
    };

    private static RenewUnitSettings Settings(params CertificateRequest[] certificates) => new()
    {
        Command = Command, Certificates = certificates.Length == 0 ? [Web, Mail] : certificates, ChallengeServers = ["nginx"],
    };

    [Fact]
    public void The_service_runs_renew_for_its_certificate_with_the_recorded_command()
    {
        Assert.Equal(
            GeneratedFileWriter.Header +
            "[Unit]\nDescription=Renew ACME certificate for www.example.test\nWants=network-online.target\n" +
            "After=network.target network-online.target nss-lookup.target\n\n[Service]\nType=oneshot\n" +
            "ExecStart=/usr/bin/configlang renew \"/etc/configlang/my host.nix\" --ca-file /etc/ssl/pebble.pem --cert www.example.test\n" +
            "UMask=0022\nRestartSec=900\n",
            SystemdUnitWriter.Service(Web, Command));
    }

    [Fact]
    public void The_timer_has_nixos_settings_with_accuracy_spread_over_the_certificates()
    {
        Assert.Equal(
            GeneratedFileWriter.Header +
            "[Unit]\nDescription=Renew ACME certificate for www.example.test\n\n[Timer]\nOnCalendar=*-*-* 04:00:00\n" +
            "Unit=acme-www.example.test.service\nPersistent=true\nAccuracySec=28800s\nRandomizedDelaySec=24h\nFixedRandomDelay=true\n\n" +
            "[Install]\nWantedBy=timers.target\n",
            SystemdUnitWriter.Timer(Web, "acme-www.example.test.service", 3));
    }

    [Fact]
    public void Names_and_arguments_are_escaped_as_systemd_reads_them()
    {
        Assert.Equal("acme-\\x2a.example.test.service", SystemdUnitName.ForCertificate("*.example.test", ".service"));
        Assert.Equal("acme-my\\x20site.timer", SystemdUnitName.ForCertificate("my site", ".timer"));
        Assert.Null(SystemdUnitName.ForCertificate(new string('a', 250), ".service"));
        Assert.Equal("nginx.service", SystemdUnitName.ForConsumer("nginx"));
        Assert.Equal("postfix.service", SystemdUnitName.ForConsumer("postfix.service"));
        Assert.Equal("getty@tty1.service", SystemdUnitName.ForConsumer("getty@tty1"));
        Assert.Null(SystemdUnitName.ForConsumer("../../etc/passwd"));
        Assert.Null(SystemdUnitName.ForConsumer("sockets.target"));
        Assert.Null(SystemdUnitName.ForConsumer(".service"));
        Assert.Equal("100%%", SystemdUnitWriter.Escape("100%"));
        Assert.Equal("\"a\\nExecStartPre=/bin/evil\"", SystemdUnitWriter.Escape("a\nExecStartPre=/bin/evil"));
        Assert.Equal("\"$$HOME x\"", SystemdUnitWriter.Escape("$HOME x"));
    }

    [Fact]
    public void Consumers_want_their_certificates_after_them_and_the_webroot_server_before_the_ones_it_validates()
    {
        using var root = new TempRoot(withUsers: false);

        var result = SystemdUnitWriter.Write(new RootedFileSystem(root.Path), Settings(), Now);

        var units = root.File_("etc", "systemd", "system");
        Assert.Equal(
            GeneratedFileWriter.Header + "[Unit]\nWants=acme-mail.example.test.service acme-www.example.test.service\n" +
            "After=acme-mail.example.test.service\nBefore=acme-www.example.test.service\n",
            File.ReadAllText(Path.Combine(units, "nginx.service.d", "configlang-acme.conf")));
        Assert.Equal(
            GeneratedFileWriter.Header + "[Unit]\nWants=acme-mail.example.test.service acme-www.example.test.service\n" +
            "After=acme-mail.example.test.service acme-www.example.test.service\n",
            File.ReadAllText(Path.Combine(units, "postfix.service.d", "configlang-acme.conf")));
        Assert.Contains("After=acme-mail.example.test.service\n", File.ReadAllText(Path.Combine(units, "dovecot2.service.d", "configlang-acme.conf")));
        Assert.Equal("/etc/systemd/system/acme-www.example.test.timer", new FileInfo(Path.Combine(units, "timers.target.wants", "acme-www.example.test.timer")).LinkTarget);
        Assert.Equal(7, result.Files.Count);
        Assert.All(result.Files, f => Assert.True(f.Changed));
        Assert.Empty(result.Removed);
        Assert.Empty(result.Skipped);
    }

    [Fact]
    public void A_consumer_that_is_no_service_name_is_reported_not_written()
    {
        using var root = new TempRoot(withUsers: false);

        var result = SystemdUnitWriter.Write(new RootedFileSystem(root.Path), Settings(Web with { UsedBy = ["../evil"] }), Now);

        Assert.Equal("'../evil' (a consumer of certificate 'www.example.test') is not a service unit name; it is not ordered after the certificate", Assert.Single(result.Skipped));
        Assert.Equal(["acme-www.example.test.service", "acme-www.example.test.timer", "timers.target.wants"],
            Directory.GetFileSystemEntries(root.File_("etc", "systemd", "system")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Files_change_only_with_their_content_and_units_of_removed_certificates_and_the_former_units_go()
    {
        using var root = new TempRoot(withUsers: false);
        var rooted = new RootedFileSystem(root.Path);
        var units = root.File_("etc", "systemd", "system");
        Directory.CreateDirectory(Path.Combine(units, "timers.target.wants"));
        File.WriteAllText(Path.Combine(units, "configlang-renew.service"), "[Unit]\nDescription=Renew ACME certificates (configlang renew)\n");
        File.WriteAllText(Path.Combine(units, "configlang-renew.timer"), "[Unit]\nDescription=Renew ACME certificates\n");
        File.CreateSymbolicLink(Path.Combine(units, "timers.target.wants", "configlang-renew.timer"), "/etc/systemd/system/configlang-renew.timer");
        // Someone's own unit with an acme- name: never ConfigLang's to remove.
        File.WriteAllText(Path.Combine(units, "acme-handmade.service"), "[Service]\nExecStart=/bin/true\n");

        var first = SystemdUnitWriter.Write(rooted, Settings(), Now);

        Assert.Equal([Path.Combine(units, "configlang-renew.service"), Path.Combine(units, "configlang-renew.timer"),
            Path.Combine(units, "timers.target.wants", "configlang-renew.timer")], first.Removed);
        var timer = Path.Combine(units, "acme-www.example.test.timer");
        File.SetLastWriteTimeUtc(timer, Now.UtcDateTime.AddHours(-1));

        var second = SystemdUnitWriter.Write(rooted, Settings(), Now);

        Assert.All(second.Files, f => Assert.False(f.Changed));
        Assert.Empty(second.Removed);
        Assert.Equal(Now.UtcDateTime.AddHours(-1), File.GetLastWriteTimeUtc(timer));

        var third = SystemdUnitWriter.Write(rooted, Settings(Web with { UsedBy = ["nginx"] }), Now);

        Assert.Contains("AccuracySec=86400s", File.ReadAllText(timer));
        Assert.Equal(
            new[] { "acme-mail.example.test.service", "acme-mail.example.test.timer", "dovecot2.service.d/configlang-acme.conf", "postfix.service.d/configlang-acme.conf",
                "timers.target.wants/acme-mail.example.test.timer" }.Select(p => Path.Combine(units, p)).Order(StringComparer.Ordinal),
            third.Removed.Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(units, "acme-handmade.service")));
        Assert.Empty(Directory.GetFiles(units, ".*"));
    }

    [Fact]
    public void A_unit_configlang_did_not_write_under_a_name_it_needs_is_kept_as_a_dated_backup()
    {
        using var root = new TempRoot(withUsers: false);
        var units = root.File_("etc", "systemd", "system");
        Directory.CreateDirectory(units);
        File.WriteAllText(Path.Combine(units, "acme-www.example.test.service"), "[Service]\nExecStart=/usr/bin/lego\n");

        var result = SystemdUnitWriter.Write(new RootedFileSystem(root.Path), Settings(Web), Now);

        var service = result.Files.Single(f => f.Path.EndsWith("acme-www.example.test.service", StringComparison.Ordinal));
        Assert.Equal(Path.Combine(units, "acme-www.example.test.service.before-configlang-20260601T120000Z"), service.BackupPath);
        Assert.Equal("[Service]\nExecStart=/usr/bin/lego\n", File.ReadAllText(service.BackupPath!));
    }

    [Fact]
    public void Every_generated_unit_and_drop_in_passes_systemd_analyze_verify_in_the_root()
    {
        using var root = new TempRoot(withUsers: false);
        SystemdRoot.Prepare(root.Path);
        // Consumers as the host has them: Debian's nginx.service (from the copied unit library) and two of its own.
        SystemdRoot.Executable(root.Path, "/usr/sbin/nginx");
        foreach (var name in new[] { "postfix", "dovecot2" })
        {
            File.WriteAllText(root.File_("etc", "systemd", "system", name + ".service"), "[Unit]\nDescription=stub\n\n[Service]\nExecStart=/usr/bin/configlang\n");
        }

        var result = SystemdUnitWriter.Write(new RootedFileSystem(root.Path), Settings(Web, Mail, Web with { Name = "*.example.test" }), Now);
        var (code, output) = SystemdRoot.Verify(root.Path,
            [.. result.Files.Select(f => Path.GetFileName(f.Path)).Where(n => n.StartsWith("acme-", StringComparison.Ordinal)), "nginx.service", "postfix.service", "dovecot2.service"]);

        Assert.True(code == 0 && output.Length == 0, output);
        Assert.Contains(result.Files, f => f.Path.EndsWith("acme-\\x2a.example.test.timer", StringComparison.Ordinal));
    }

    [Fact]
    public void Systemd_analyze_verify_in_the_root_reports_a_broken_unit_so_the_check_above_is_real()
    {
        using var root = new TempRoot(withUsers: false);
        SystemdRoot.Prepare(root.Path);
        File.WriteAllText(root.File_("etc", "systemd", "system", "acme-x.timer"), "[Unit]\nDescription=x\n\n[Timer]\nOnCalendar=dayly\nUnit=acme-x.service\n");
        File.WriteAllText(root.File_("etc", "systemd", "system", "acme-x.service"), "[Unit]\nAftr=network.target\n\n[Service]\nType=oneshot\nExecStart=/usr/bin/configlang\n");

        var (timerCode, timerOutput) = SystemdRoot.Verify(root.Path, ["acme-x.timer"]);
        var (_, serviceOutput) = SystemdRoot.Verify(root.Path, ["acme-x.service"]);

        Assert.NotEqual(0, timerCode);
        Assert.Contains("dayly", timerOutput);
        Assert.Contains("Unknown key 'Aftr'", serviceOutput);
    }
}
