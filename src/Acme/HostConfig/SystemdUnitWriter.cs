using System.Globalization;
using System.Text;

namespace ConfigLang.Acme.HostConfig;

/// <summary>
/// Generates <c>configlang-renew.service</c> and <c>configlang-renew.timer</c> (fact sheet §2.6:
/// <c>OnCalendar</c> from renewInterval, <c>Persistent=yes</c>, <c>RandomizedDelaySec=24h</c>,
/// <c>FixedRandomDelay=true</c>, <c>AccuracySec = 86400 / number of certificates</c>) and writes
/// them into <c>&lt;root&gt;/etc/systemd/system/</c> only when their content changed.
/// </summary>
public static class SystemdUnitWriter
{
    /// <summary>The service unit's file name.</summary>
    public const string ServiceName = "configlang-renew.service";

    /// <summary>The timer unit's file name.</summary>
    public const string TimerName = "configlang-renew.timer";

    /// <summary>The service unit text.</summary>
    public static string Service(RenewTimerSettings settings) =>
        "[Unit]\n" +
        "Description=Renew ACME certificates (configlang renew)\n" +
        "Wants=network-online.target\n" +
        "After=network-online.target nss-lookup.target\n" +
        "\n[Service]\n" +
        "Type=oneshot\n" +
        "ExecStart=" + string.Join(' ', settings.Command.Select(Escape)) + "\n" +
        // NixOS's exit codes for a failed order (10) and renewal (11) are not used; configlang exits 3.
        "RestartSec=900\n";

    /// <summary>The timer unit text.</summary>
    public static string Timer(RenewTimerSettings settings)
    {
        var text = new StringBuilder("[Unit]\nDescription=Renew ACME certificates\n\n[Timer]\n");
        foreach (var calendar in settings.Calendars.Distinct(StringComparer.Ordinal)) text.Append("OnCalendar=").Append(calendar).Append('\n');
        var accuracy = 86400 / Math.Max(1, settings.CertificateCount);
        text.Append("AccuracySec=").Append(accuracy.ToString(CultureInfo.InvariantCulture)).Append("s\n");
        text.Append("Persistent=yes\n");
        text.Append("RandomizedDelaySec=24h\n");
        text.Append("FixedRandomDelay=true\n");
        text.Append("\n[Install]\nWantedBy=timers.target\n");
        return text.ToString();
    }

    /// <summary>Writes both units below <paramref name="root"/>; returns each file and whether it changed.</summary>
    public static IReadOnlyList<GeneratedFile> Write(string root, RenewTimerSettings settings)
    {
        var rooted = new Storage.RootedFileSystem(root);
        return
        [
            GeneratedFileWriter.Write(rooted, UnitDirectory + "/" + ServiceName, Service(settings)),
            GeneratedFileWriter.Write(rooted, UnitDirectory + "/" + TimerName, Timer(settings)),
        ];
    }

    /// <summary>Where the units go (host path).</summary>
    public const string UnitDirectory = "/etc/systemd/system";

    // systemd command-line quoting: double quotes with C escapes; '%' is a specifier and '$' expands.
    internal static string Escape(string word)
    {
        var escaped = word.Replace("%", "%%").Replace("$", "$$");
        if (escaped.Length > 0 && escaped.All(c => !char.IsWhiteSpace(c) && c is not '"' and not '\'' and not '\\' and not ';')) return escaped;
        return "\"" + escaped.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }
}
