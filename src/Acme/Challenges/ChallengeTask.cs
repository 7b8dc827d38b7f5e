using System.Security.Cryptography;
using System.Text;
using ConfigLang.Acme.Crypto;

namespace ConfigLang.Acme.Challenges;

/// <summary>
/// One challenge to answer: the name as ordered (<c>*.example.org</c> for a wildcard), the name
/// validated (<c>example.org</c>), the token and the key authorization, plus the derived values
/// each challenge type publishes.
/// </summary>
public sealed record ChallengeTask(string OrderedName, string Domain, string Token, string KeyAuthorization)
{
    /// <summary>The HTTP-01 path below the web root: <c>.well-known/acme-challenge/TOKEN</c>.</summary>
    public string HttpPath => ".well-known/acme-challenge/" + Token;

    /// <summary>The DNS-01 record name, fully qualified with a trailing dot: <c>_acme-challenge.DOMAIN.</c></summary>
    public string DnsRecordName => "_acme-challenge." + Domain.TrimEnd('.') + ".";

    /// <summary>The DNS-01 TXT value: base64url(SHA-256(key authorization)).</summary>
    public string DnsTxtValue => Base64Url.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(KeyAuthorization)));

    /// <summary>SHA-256 of the key authorization: the acmeIdentifier extension value of TLS-ALPN-01.</summary>
    public byte[] KeyAuthorizationDigest() => SHA256.HashData(Encoding.UTF8.GetBytes(KeyAuthorization));
}
