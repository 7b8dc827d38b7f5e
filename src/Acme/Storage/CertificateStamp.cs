using System.Globalization;
using System.Text;

using ConfigLang.Acme.Model;

namespace ConfigLang.Acme.Storage;

/// <summary>
/// What a certificate was ordered with, stored beside it (<c>configlang.stamp</c>) as NixOS
/// stores its domain hash beside lego's files: server, domain hash, account hash and cert-dir
/// hash, plus the CA's suggested renewal window when ARI gave one. The planner compares these
/// with the configuration to decide on a reissue. Text, one <c>key=value</c> a line.
/// </summary>
public sealed record CertificateStamp(string Server, string DomainHash, string AccountHash, string CertDirHash, SuggestedRenewalWindow? SuggestedWindow = null)
{
    /// <summary>The stamp for a certificate ordered for <paramref name="request"/>.</summary>
    public static CertificateStamp For(CertificateRequest request) =>
        new(request.Server ?? "", request.DomainHash, request.Account.Hash, request.CertDirHash);

    /// <summary>The file content.</summary>
    public string Format()
    {
        var text = new StringBuilder()
            .Append("server=").Append(Server).Append('\n')
            .Append("domainHash=").Append(DomainHash).Append('\n')
            .Append("accountHash=").Append(AccountHash).Append('\n')
            .Append("certDirHash=").Append(CertDirHash).Append('\n');
        if (SuggestedWindow is { } window)
        {
            text.Append("renewalWindowStart=").Append(window.Start.ToString("O", CultureInfo.InvariantCulture)).Append('\n')
                .Append("renewalWindowEnd=").Append(window.End.ToString("O", CultureInfo.InvariantCulture)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Reads a stamp; null when a required line is missing (an unknown or damaged file).</summary>
    public static CertificateStamp? Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var equals = line.IndexOf('=');
            if (equals > 0) values[line[..equals]] = line[(equals + 1)..].TrimEnd('\r');
        }
        if (!values.TryGetValue("server", out var server)
            || !values.TryGetValue("domainHash", out var domainHash)
            || !values.TryGetValue("accountHash", out var accountHash)
            || !values.TryGetValue("certDirHash", out var certDirHash))
        {
            return null;
        }
        SuggestedRenewalWindow? window = null;
        if (values.TryGetValue("renewalWindowStart", out var start) && values.TryGetValue("renewalWindowEnd", out var end)
            && DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var from)
            && DateTimeOffset.TryParse(end, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var to))
        {
            window = new SuggestedRenewalWindow(from, to);
        }
        return new CertificateStamp(server, domainHash, accountHash, certDirHash, window);
    }
}
