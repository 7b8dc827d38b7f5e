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
}
