namespace ConfigLang.Acme.Challenges;

/// <summary>
/// Makes one challenge type answerable and cleans up afterwards. The orderer calls
/// <see cref="PresentAsync"/> before telling the server to validate and
/// <see cref="CleanupAsync"/> afterwards, whether validation succeeded or not. Implementations
/// are thread-safe: concurrent orders present several challenges at once.
/// </summary>
public interface IChallengeSolver
{
    /// <summary>The ACME challenge type: <c>http-01</c>, <c>dns-01</c> or <c>tls-alpn-01</c>.</summary>
    string ChallengeType { get; }

    /// <summary>
    /// Challenges must be presented, validated and cleaned up one at a time, not all presented
    /// first (a DNS service with one TXT value per name); <see cref="SequenceInterval"/> apart.
    /// </summary>
    bool OneAtATime => false;

    /// <summary>With <see cref="OneAtATime"/>, the pause before each challenge after the first.</summary>
    TimeSpan SequenceInterval => TimeSpan.Zero;

    /// <summary>
    /// The longest presenting one challenge may legitimately wait (dns-01: the provider's own wait,
    /// Route 53's for INSYNC, and the propagation check's, bounded by lego's *_PROPAGATION_TIMEOUT when
    /// set); the order's deadline is extended by it. Zero for a solver that does not wait (http-01, tls-alpn-01).
    /// </summary>
    TimeSpan PresentationWait => TimeSpan.Zero;

    Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken);

    Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken);
}
