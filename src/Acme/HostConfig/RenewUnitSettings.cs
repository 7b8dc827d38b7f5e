using ConfigLang.Acme.Model;

namespace ConfigLang.Acme.HostConfig;

/// <summary>
/// What the per-certificate units need: the renew command recorded at rebuild time (program and
/// arguments before <c>--cert NAME</c>, e.g. <c>/usr/bin/configlang renew /etc/configlang/host.nix</c>),
/// the certificates (name, <c>renewInterval</c>, consumers in <see cref="CertificateRequest.UsedBy"/>,
/// challenge), and the web servers that answer HTTP-01 from a webroot (ordered before, not after,
/// the certificates they validate, as NixOS orders nginx).
/// </summary>
public sealed record RenewUnitSettings
{
    /// <summary>Program then arguments of <c>ExecStart=</c>, to which <c>--cert NAME</c> is added.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>The host's certificates; each gets <c>acme-&lt;name&gt;.service</c> and <c>.timer</c>.</summary>
    public required IReadOnlyList<CertificateRequest> Certificates { get; init; }

    /// <summary>Consumers (e.g. <c>nginx</c>) that serve webroot challenges.</summary>
    public IReadOnlyList<string> ChallengeServers { get; init; } = [];
}
