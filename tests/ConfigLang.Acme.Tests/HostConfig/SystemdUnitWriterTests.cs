using System.Diagnostics;
using ConfigLang.Acme.HostConfig;
using ConfigLang.Acme.Tests.Storage;

namespace ConfigLang.Acme.Tests.HostConfig;

public sealed class SystemdUnitWriterTests
{
    private static RenewTimerSettings Settings(int count = 3, params string[] calendars) => new()
    {
        Command = ["/usr/bin/configlang", "renew", "/etc/configlang/my host.nix", "--root", "/"],
        Calendars = calendars.Length == 0 ? ["daily"] : calendars,
        CertificateCount = count,
    };

    [Fact]
    public void Timer_has_the_NixOS_settings_with_accuracy_spread_over_the_certificates()
    {
        var timer = SystemdUnitWriter.Timer(Settings(3, "daily", "*-*-* 04:00:00", "daily"));
        Assert.Equal(
            "[Unit]\nDescription=Renew ACME certificates\n\n[Timer]\nOnCalendar=daily\nOnCalendar=*-*-* 04:00:00\n" +
            "AccuracySec=28800s\nPersistent=yes\nRandomizedDelaySec=24h\nFixedRandomDelay=true\n\n[Install]\nWantedBy=timers.target\n", timer);
    }

    [Fact]
    public void Service_quotes_arguments_as_systemd_reads_them()
    {
        var service = SystemdUnitWriter.Service(Settings());
        Assert.Contains("Type=oneshot\n", service);
        Assert.Contains("ExecStart=/usr/bin/configlang renew \"/etc/configlang/my host.nix\" --root /\n", service);
        Assert.Equal("100%%", SystemdUnitWriter.Escape("100%"));
    }

    [Fact]
    public void Units_pass_systemd_analyze_verify()
    {
        using var root = new TempRoot(withUsers: false);
        var settings = Settings() with { Command = ["/bin/true", "renew", "my host.nix"] };
        var files = SystemdUnitWriter.Write(root.Path, settings);
        var start = new ProcessStartInfo("systemd-analyze") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "verify", "--man=no", "--recursive-errors=no" }.Concat(files.Select(f => f.Path))) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);
    }

    [Fact]
    public void Files_are_written_only_when_their_content_changed()
    {
        using var root = new TempRoot(withUsers: false);
        var first = SystemdUnitWriter.Write(root.Path, Settings(3));
        Assert.All(first, f => Assert.True(f.Changed));
        Assert.Equal(root.File_("etc", "systemd", "system", "configlang-renew.timer"), first[1].Path);
        var stamp = File.GetLastWriteTimeUtc(first[1].Path);
        File.SetLastWriteTimeUtc(first[1].Path, stamp.AddHours(-1));

        var second = SystemdUnitWriter.Write(root.Path, Settings(3));
        Assert.All(second, f => Assert.False(f.Changed));
        Assert.Equal(stamp.AddHours(-1), File.GetLastWriteTimeUtc(first[1].Path));

        var third = SystemdUnitWriter.Write(root.Path, Settings(4));
        Assert.Equal([false, true], third.Select(f => f.Changed));
        Assert.Contains("AccuracySec=21600s", File.ReadAllText(third[1].Path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(third[1].Path)!, ".*"));
    }
}
