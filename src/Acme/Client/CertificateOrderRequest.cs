using ConfigLang.Acme.Model;
using ConfigLang.Acme.Crypto;

namespace ConfigLang.Acme.Client;

/// <summary>What to order: names (the first one is the subject), key type and issuance options.</summary>
public sealed class CertificateOrderRequest
{
    /// <summary>DNS names (wildcards as <c>*.example.org</c>) or IP addresses; the first is the primary name.</summary>
    public required IReadOnlyList<string> Names { get; init; }

    /// <summary>Shown in progress events; defaults to the primary name.</summary>
    public string? Label { get; init; }

    public KeyType KeyType { get; init; } = KeyType.Ec256;

    /// <summary>Adds the OCSP must-staple TLS feature extension (NixOS <c>ocspMustStaple</c>).</summary>
    public bool OcspMustStaple { get; init; }

    /// <summary>Issuer CN of the top certificate of the preferred chain (lego <c>--preferred-chain</c>).</summary>
    public string? PreferredChain { get; init; }

    /// <summary>A certificate profile offered by the server's directory (draft-ietf-acme-profiles).</summary>
    public string? Profile { get; init; }

    /// <summary>ARI certificate id (<see cref="Protocol.RenewalCertificateId"/>) of the certificate this one replaces.</summary>
    public string? Replaces { get; init; }

    public string DisplayName => Label ?? Names[0];
}
