using ConfigLang.Evaluator.Text;

namespace ConfigLang.Host.Fleet;

/// <summary>
/// What the fleet checks need of one certificate of one host, with its places in the host's
/// files looked up while the configuration was read (a <see cref="FleetMember"/> outlives it).
/// </summary>
/// <param name="Name">The certificate's attribute name (the key the cluster stores it under).</param>
/// <param name="Names">Its names, canonical (<see cref="Checks.DnsName.Canonical"/>), distinct, sorted.</param>
/// <param name="LetsEncryptProduction">Whether it is ordered from Let's Encrypt production, whose limits the checks are about.</param>
/// <param name="Challenge">How it is validated (<c>HTTP-01</c>, <c>TLS-ALPN-01</c>, <c>DNS-01 (cloudflare)</c>); null when no challenge is configured.</param>
/// <param name="Location">Where the user defines the certificate.</param>
/// <param name="ChallengeOption">The option that chooses its challenge (<c>dnsProvider</c>, <c>listenTLS</c>, <c>listenHTTP</c>, ...).</param>
/// <param name="ChallengeLocation">Where the user defines that option.</param>
public sealed record FleetCertificate(
    string Name,
    IReadOnlyList<string> Names,
    bool LetsEncryptProduction,
    string? Challenge,
    SourceLocation? Location,
    string ChallengeOption,
    SourceLocation? ChallengeLocation);
