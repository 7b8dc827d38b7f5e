namespace ConfigLang.Acme.Model;

/// <summary>Parsing and formatting of <see cref="ChallengeKind"/> in the ACME spelling (<c>http-01</c>, …).</summary>
public static class ChallengeKinds
{
    /// <summary>The ACME challenge type name, e.g. <c>dns-01</c>.</summary>
    public static string Format(ChallengeKind kind) => kind switch
    {
        ChallengeKind.Http01 => "http-01",
        ChallengeKind.Dns01 => "dns-01",
        ChallengeKind.TlsAlpn01 => "tls-alpn-01",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown challenge kind"),
    };

    /// <summary>Parses an ACME challenge type name (exact spelling).</summary>
    public static bool TryParse(string? text, out ChallengeKind kind)
    {
        switch (text)
        {
            case "http-01": kind = ChallengeKind.Http01; return true;
            case "dns-01": kind = ChallengeKind.Dns01; return true;
            case "tls-alpn-01": kind = ChallengeKind.TlsAlpn01; return true;
            default: kind = default; return false;
        }
    }

    /// <summary>Parses or throws <see cref="FormatException"/>.</summary>
    public static ChallengeKind Parse(string text) =>
        TryParse(text, out var kind)
            ? kind
            : throw new FormatException($"'{text}' is not a challenge type; expected http-01, dns-01 or tls-alpn-01");
}
