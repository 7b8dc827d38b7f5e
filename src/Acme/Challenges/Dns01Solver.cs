using ConfigLang.Acme.Dns;

namespace ConfigLang.Acme.Challenges;

/// <summary>
/// DNS-01 through a named <see cref="IDnsProvider"/>: publishes the TXT record, then waits (bounded)
/// until it is visible according to the <see cref="DnsPropagationCheck"/> before the server is
/// asked to validate. Cleanup removes the record.
/// </summary>
public sealed class Dns01Solver : IChallengeSolver
{
    public Dns01Solver(IDnsProvider provider, DnsPropagationCheck? propagation = null)
    {
        Provider = provider;
        var check = propagation ?? DnsPropagationCheck.None;
        Propagation = provider.PropagationTimeout is { } timeout && check != DnsPropagationCheck.None ? check.WithTimeout(timeout) : check;
    }

    public IDnsProvider Provider { get; }

    public DnsPropagationCheck Propagation { get; }

    public string ChallengeType => ChallengeTypes.Dns01;

    public bool OneAtATime => Provider.HoldsOneValuePerName;

    public TimeSpan SequenceInterval => Provider.SequenceInterval;

    // The provider may wait on its own (Route 53 until INSYNC) before the check waits up to its
    // timeout, which is the provider's propagation timeout when one is set (counted once, there).
    public TimeSpan PresentationWait => Provider.OwnWait + Propagation.Timeout;

    public async Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        await Provider.PresentAsync(challenge, cancellationToken).ConfigureAwait(false);
        await Propagation.WaitAsync(challenge, cancellationToken).ConfigureAwait(false);
    }

    public Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken) => Provider.CleanupAsync(challenge, cancellationToken);
}
