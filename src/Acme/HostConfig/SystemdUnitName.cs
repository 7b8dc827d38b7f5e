using System.Text;

namespace ConfigLang.Acme.HostConfig;

/// <summary>
/// Unit names as NixOS gives them (<c>acme-&lt;name&gt;.service</c>), with the characters systemd
/// does not allow in a unit name escaped as <c>systemd-escape</c> does (<c>\xNN</c>), and the
/// consumer names a configuration gives (<c>nginx</c>, <c>postfix.service</c>) checked before they
/// become file names under <c>/etc/systemd/system</c>.
/// </summary>
public static class SystemdUnitName
{
    /// <summary>systemd's UNIT_NAME_MAX.</summary>
    public const int MaxLength = 255;

    /// <summary><c>acme-&lt;name&gt;</c> with <paramref name="suffix"/> (<c>.service</c>, <c>.timer</c>); null when too long for systemd.</summary>
    public static string? ForCertificate(string certificate, string suffix)
    {
        var name = "acme-" + Escape(certificate) + suffix;
        return name.Length <= MaxLength ? name : null;
    }

    /// <summary>
    /// The service unit of a consumer: <c>nginx</c> → <c>nginx.service</c>; a name that already ends
    /// in <c>.service</c> stays. Null for anything else (another unit type, a character systemd does
    /// not accept, a path): such a consumer is not ordered, and the caller says so.
    /// </summary>
    public static string? ForConsumer(string consumer)
    {
        var name = consumer.EndsWith(".service", StringComparison.Ordinal) ? consumer : consumer + ".service";
        var stem = name[..^".service".Length];
        if (stem.Length == 0 || name.Length > MaxLength || stem[0] == '.' || stem.Contains('.')) return null;
        return stem.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '_' or '-' or '@') ? name : null;
    }

    // As systemd-escape: keep [A-Za-z0-9:_.-] ('.' not first), write every other byte of the UTF-8 as \xNN.
    private static string Escape(string text)
    {
        var escaped = new StringBuilder();
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            var keep = b < 0x80 && (char.IsAsciiLetterOrDigit((char)b) || b is (byte)':' or (byte)'_' or (byte)'-' || (b == (byte)'.' && i > 0));
            if (keep) escaped.Append((char)b);
            else escaped.Append("\\x").Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return escaped.ToString();
    }
}
