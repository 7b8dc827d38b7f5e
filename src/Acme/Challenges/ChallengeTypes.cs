namespace ConfigLang.Acme.Challenges;

/// <summary>The challenge type names of RFC 8555 §8 and RFC 8737.</summary>
public static class ChallengeTypes
{
    public const string Http01 = "http-01";
    public const string Dns01 = "dns-01";
    public const string TlsAlpn01 = "tls-alpn-01";
}
