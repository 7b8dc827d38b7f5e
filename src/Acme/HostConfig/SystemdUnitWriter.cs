using System.Globalization;
using System.Text;
using ConfigLang.Acme.Model;
using ConfigLang.Acme.Storage;

namespace ConfigLang.Acme.HostConfig;

/// <summary>
/// Generates the units NixOS gives each certificate (fact sheet §2.6), under
/// <c>&lt;root&gt;/etc/systemd/system/</c>: <c>acme-&lt;name&gt;.service</c> running
/// <c>configlang renew CONFIG --cert NAME</c>, and <c>acme-&lt;name&gt;.timer</c> (<c>OnCalendar</c> from
/// renewInterval, <c>Persistent=true</c>, <c>RandomizedDelaySec=24h</c>, <c>FixedRandomDelay=true</c>,
/// <c>AccuracySec = 86400 / number of certificates</c>) enabled in <c>timers.target.wants</c> as
/// <c>systemctl enable</c> would; and for each consumer a drop-in
/// <c>&lt;consumer&gt;.service.d/configlang-acme.conf</c> that wants its certificates and starts after
/// them (before them for a web server answering their webroot challenge, as NixOS orders nginx).
/// Files are written only when their content changed; units of certificates no longer configured,
/// and the single <c>configlang-renew</c> units of earlier versions, are removed.
/// </summary>
public static class SystemdUnitWriter
{
    /// <summary>Where the units go (host path).</summary>
    public const string UnitDirectory = "/etc/systemd/system";

    /// <summary>Where <c>systemctl enable</c> links timers.</summary>
    public const string TimersWants = UnitDirectory + "/timers.target.wants";

    /// <summary>The drop-in every consumer gets (in <c>&lt;unit&gt;.d/</c>).</summary>
    public const string DropInName = "configlang-acme.conf";

    /// <summary>The one service and timer earlier versions wrote for all certificates.</summary>
    public static readonly IReadOnlyList<string> FormerUnits = ["configlang-renew.service", "configlang-renew.timer"];

    /// <summary>The service unit text of one certificate.</summary>
    public static string Service(CertificateRequest certificate, IReadOnlyList<string> command) =>
        GeneratedFileWriter.Header +
        "[Unit]\n" +
        $"Description=Renew ACME certificate for {DescriptionText(certificate.Name)}\n" +
        "Wants=network-online.target\n" +
        "After=network.target network-online.target nss-lookup.target\n" +
        "\n[Service]\n" +
        "Type=oneshot\n" +
        "ExecStart=" + string.Join(' ', command.Append("--cert").Append(certificate.Name).Select(Escape)) + "\n" +
        "UMask=0022\n" +
        // As NixOS: the CA's failed-validation limit is 5 an hour per account and name.
        "RestartSec=900\n";

    /// <summary>The timer unit text of one certificate, among <paramref name="certificateCount"/>.</summary>
    public static string Timer(CertificateRequest certificate, string serviceUnit, int certificateCount)
    {
        var text = new StringBuilder(GeneratedFileWriter.Header);
        text.Append("[Unit]\nDescription=Renew ACME certificate for ").Append(DescriptionText(certificate.Name)).Append("\n\n[Timer]\n");
        text.Append("OnCalendar=").Append(certificate.RenewInterval).Append('\n');
        text.Append("Unit=").Append(serviceUnit).Append('\n');
        text.Append("Persistent=true\n");
        // Spread over the day by the number of certificates, so many renewals do not meet the CA's rate limits at once.
        text.Append("AccuracySec=").Append((86400 / Math.Max(1, certificateCount)).ToString(CultureInfo.InvariantCulture)).Append("s\n");
        text.Append("RandomizedDelaySec=24h\n");
        text.Append("FixedRandomDelay=true\n");
        text.Append("\n[Install]\nWantedBy=timers.target\n");
        return text.ToString();
    }

    /// <summary>A consumer's drop-in: wants every certificate it reads, after them or (serving their challenge) before them.</summary>
    public static string ConsumerDropIn(IReadOnlyList<string> after, IReadOnlyList<string> before)
    {
        var text = new StringBuilder(GeneratedFileWriter.Header);
        text.Append("[Unit]\n");
        text.Append("Wants=").Append(string.Join(' ', after.Concat(before).Distinct(StringComparer.Ordinal))).Append('\n');
        if (after.Count > 0) text.Append("After=").Append(string.Join(' ', after)).Append('\n');
        if (before.Count > 0) text.Append("Before=").Append(string.Join(' ', before)).Append('\n');
        return text.ToString();
    }

    /// <summary>Writes every unit and drop-in below <paramref name="root"/> and removes those no longer wanted.</summary>
    public static UnitWriteResult Write(RootedFileSystem root, RenewUnitSettings settings, DateTimeOffset now)
    {
        var files = new List<GeneratedFile>();
        var skipped = new List<string>();
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        var after = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var before = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var servers = settings.ChallengeServers.Select(SystemdUnitName.ForConsumer).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var count = settings.Certificates.Count;
        foreach (var certificate in settings.Certificates.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            if (SystemdUnitName.ForCertificate(certificate.Name, ".service") is not { } service
                || SystemdUnitName.ForCertificate(certificate.Name, ".timer") is not { } timer)
            {
                skipped.Add($"certificate '{certificate.Name}' gets no renew units: its name is too long for a systemd unit name ({SystemdUnitName.MaxLength} characters)");
                continue;
            }
            if (certificate.RenewInterval.Any(char.IsControl))
            {
                skipped.Add($"certificate '{certificate.Name}' gets no renew units: its renewInterval holds a control character");
                continue;
            }
            wanted.Add(service);
            wanted.Add(timer);
            files.Add(GeneratedFileWriter.Write(root, UnitDirectory + "/" + service, Service(certificate, settings.Command), backupForeignAt: now));
            files.Add(GeneratedFileWriter.Write(root, UnitDirectory + "/" + timer, Timer(certificate, service, count), backupForeignAt: now));
            Enable(root, timer);
            var viaWebroot = certificate.Challenge is { Kind: ChallengeKind.Http01, ListenHttp: null, Webroot: not null };
            foreach (var consumer in certificate.UsedBy.Distinct(StringComparer.Ordinal))
            {
                if (SystemdUnitName.ForConsumer(consumer) is not { } unit)
                {
                    skipped.Add($"'{consumer}' (a consumer of certificate '{certificate.Name}') is not a service unit name; it is not ordered after the certificate");
                    continue;
                }
                var list = viaWebroot && servers.Contains(unit) ? before : after;
                if (!list.TryGetValue(unit, out var services)) list[unit] = services = [];
                services.Add(service);
            }
        }
        foreach (var unit in after.Keys.Union(before.Keys).Order(StringComparer.Ordinal))
        {
            wanted.Add(unit + ".d/" + DropInName);
            files.Add(GeneratedFileWriter.Write(root, $"{UnitDirectory}/{unit}.d/{DropInName}",
                ConsumerDropIn(after.GetValueOrDefault(unit) ?? [], before.GetValueOrDefault(unit) ?? []), backupForeignAt: now));
        }
        return new UnitWriteResult(files, RemoveUnwanted(root, wanted), skipped);
    }

    /// <summary>What <c>systemctl enable</c> does for a timer: a link in timers.target.wants (left alone when something is there).</summary>
    private static void Enable(RootedFileSystem root, string timer)
    {
        using var wants = root.OpenOrCreateDirectory(TimersWants);
        if (!wants.Exists(timer)) wants.CreateSymlink(timer, UnitDirectory + "/" + timer);
    }

    /// <summary>
    /// Removes our units (the header on their first line) of certificates no longer configured,
    /// our drop-ins of units that no longer consume a certificate, their enable links, and the
    /// former configlang-renew units. Nothing without our header is removed.
    /// </summary>
    private static List<string> RemoveUnwanted(RootedFileSystem root, HashSet<string> wanted)
    {
        var removed = new List<string>();
        using var units = root.TryOpenDirectory(UnitDirectory);
        if (units is null) return removed;
        using var wants = root.TryOpenDirectory(TimersWants);
        foreach (var name in units.List())
        {
            var status = units.Status(name);
            if (status?.Kind == EntryKind.File && !wanted.Contains(name)
                && (FormerUnits.Contains(name) || (name.StartsWith("acme-", StringComparison.Ordinal) && IsOurs(units, name))))
            {
                units.Delete(name);
                removed.Add(units.PathOf(name));
                if (wants?.Status(name)?.Kind == EntryKind.Symlink && wants.Delete(name)) removed.Add(wants.PathOf(name));
            }
            else if (status?.Kind == EntryKind.Directory && name.EndsWith(".d", StringComparison.Ordinal) && !wanted.Contains(name + "/" + DropInName))
            {
                using var dropIns = units.TryOpenDirectory(name);
                if (dropIns is not null && dropIns.Status(DropInName)?.Kind == EntryKind.File && IsOurs(dropIns, DropInName))
                {
                    dropIns.Delete(DropInName);
                    removed.Add(dropIns.PathOf(DropInName));
                }
            }
        }
        return removed;
    }

    private static bool IsOurs(RootedDirectory directory, string name) =>
        directory.TryReadAllText(name) is { } text && text.StartsWith(GeneratedFileWriter.Header, StringComparison.Ordinal);

    // systemd command-line quoting: double quotes with C escapes (a line break never ends the line);
    // '%' is a specifier and '$' expands.
    internal static string Escape(string word)
    {
        var escaped = word.Replace("%", "%%").Replace("$", "$$");
        if (escaped.Length > 0 && escaped.All(c => !char.IsWhiteSpace(c) && !char.IsControl(c) && c is not '"' and not '\'' and not '\\' and not ';')) return escaped;
        var quoted = new StringBuilder("\"");
        foreach (var c in escaped)
        {
            if (c is '\\' or '"') quoted.Append('\\').Append(c);
            else if (c == '\n') quoted.Append("\\n");
            else if (char.IsControl(c)) quoted.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            else quoted.Append(c);
        }
        return quoted.Append('"').ToString();
    }

    // A Description is one line of free text in which only '%' is special.
    private static string DescriptionText(string name) => new string([.. name.Select(c => char.IsControl(c) ? '?' : c)]).Replace("%", "%%");
}
