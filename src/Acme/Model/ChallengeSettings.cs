namespace ConfigLang.Acme.Model;

/// <summary>
/// How one certificate answers its challenges: the chosen <see cref="Kind"/> and the NixOS
/// settings that configure it. Settings irrelevant to the kind are carried anyway (they are
/// what the configuration said; the executor decides what to use).
/// </summary>
public sealed record ChallengeSettings
{
    /// <summary>The challenge type the executor will answer.</summary>
    public required ChallengeKind Kind { get; init; }

    /// <summary>HTTP-01 through files in <c>&lt;webroot&gt;/.well-known/acme-challenge/</c>.</summary>
    public string? Webroot { get; init; }

    /// <summary>HTTP-01 through an own listener, <c>[iface]:port</c> such as <c>":1360"</c>.</summary>
    public string? ListenHttp { get; init; }

    /// <summary>TLS-ALPN-01 through an own listener, <c>[iface]:port</c>.</summary>
    public string? ListenTls { get; init; }

    /// <summary>The lego DNS provider code (enables DNS-01), e.g. <c>rfc2136</c>.</summary>
    public string? DnsProvider { get; init; }

    /// <summary><c>host:port</c> of the resolver used for propagation checks.</summary>
    public string? DnsResolver { get; init; }

    /// <summary>False to skip waiting for the record on the authoritative servers.</summary>
    public bool DnsPropagationCheck { get; init; } = true;

    /// <summary>A systemd EnvironmentFile with the provider's variables.</summary>
    public string? EnvironmentFile { get; init; }

    /// <summary><c>NAME_FILE</c> → host path of a file holding the value of <c>NAME</c>.</summary>
    public IReadOnlyDictionary<string, string> CredentialFiles { get; init; } = new Dictionary<string, string>();

    /// <summary>HTTP-01 through an S3 bucket (not inheritable from defaults).</summary>
    public string? S3Bucket { get; init; }
}
