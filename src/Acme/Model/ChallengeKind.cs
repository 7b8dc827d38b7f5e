namespace ConfigLang.Acme.Model;

/// <summary>How the CA validates control of a domain (RFC 8555 §8, RFC 8737).</summary>
public enum ChallengeKind
{
    /// <summary><c>http-01</c>: a file under <c>/.well-known/acme-challenge/</c> on port 80.</summary>
    Http01,
    /// <summary><c>dns-01</c>: a TXT record at <c>_acme-challenge.&lt;domain&gt;</c>.</summary>
    Dns01,
    /// <summary><c>tls-alpn-01</c>: a special certificate served on port 443 for ALPN <c>acme-tls/1</c>.</summary>
    TlsAlpn01,
}
