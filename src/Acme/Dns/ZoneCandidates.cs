namespace ConfigLang.Acme.Dns;

/// <summary>
/// The names that may be the zone of a challenge record, most specific first:
/// <c>_acme-challenge.a.example.org.</c> gives <c>a.example.org</c>, <c>example.org</c>. Providers
/// with an API ask it for each in turn instead of relying on public DNS.
/// </summary>
internal static class ZoneCandidates
{
    public static IEnumerable<string> For(string fqdn)
    {
        var labels = fqdn.TrimEnd('.').Split('.');
        var start = labels.Length > 0 && labels[0] == "_acme-challenge" ? 1 : 0;
        for (var i = start; i < labels.Length - 1; i++) yield return string.Join('.', labels[i..]);
    }

    /// <summary>
    /// The most specific of <paramref name="zones"/> (an account's zones) that holds
    /// <paramref name="fqdn"/>, or null: for APIs that list zones instead of looking one up by name.
    /// </summary>
    public static string? Match(string fqdn, IEnumerable<string> zones)
    {
        var owned = new HashSet<string>(zones.Select(z => z.TrimEnd('.')), StringComparer.OrdinalIgnoreCase);
        return For(fqdn).FirstOrDefault(owned.Contains);
    }

    /// <summary>The error text when no zone of an account holds <paramref name="fqdn"/>: <paramref name="what"/> is e.g. "Linode domain".</summary>
    public static string NotFound(string what, string fqdn) => $"no {what} holds {fqdn} (tried {string.Join(", ", For(fqdn))})";

    /// <summary>The record name relative to <paramref name="zone"/>: <c>_acme-challenge.www</c>, or <c>""</c> at the apex.</summary>
    public static string Relative(string fqdn, string zone)
    {
        var name = fqdn.TrimEnd('.');
        return name.Length == zone.Length ? "" : name[..(name.Length - zone.Length - 1)];
    }
}
