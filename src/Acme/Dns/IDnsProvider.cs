using ConfigLang.Acme.Challenges;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// Publishes and removes the DNS-01 TXT record <c>_acme-challenge.DOMAIN</c> through some DNS
/// service. Named like lego's providers (<c>rfc2136</c>, <c>cloudflare</c>...), so configurations
/// written for NixOS' <c>dnsProvider</c> select the same one.
/// </summary>
public interface IDnsProvider
{
    /// <summary>The lego provider name.</summary>
    string Name { get; }

    /// <summary>How long to wait for the record to become visible (lego's *_PROPAGATION_TIMEOUT), when set.</summary>
    TimeSpan? PropagationTimeout => null;

    /// <summary>
    /// The longest <see cref="PresentAsync"/> itself may wait after writing (Route 53 until its change
    /// is INSYNC); zero for a provider that returns once the write is answered.
    /// </summary>
    TimeSpan OwnWait => TimeSpan.Zero;

    /// <summary>
    /// The service keeps one TXT value per name (DuckDNS): a wildcard and its base name, both
    /// validated through <c>_acme-challenge.BASE</c>, cannot be published together, so their
    /// challenges must run one after another (lego's sequential providers).
    /// </summary>
    bool HoldsOneValuePerName => false;

    /// <summary>With <see cref="HoldsOneValuePerName"/>, the pause between two challenges (lego's *_SEQUENCE_INTERVAL), so caches forget the previous value.</summary>
    TimeSpan SequenceInterval => TimeSpan.Zero;

    Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken);

    Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken);
}
