using ConfigLang.Acme.Challenges;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// A provider whose API writes a name's TXT values whole (an RRset, or a zone's hosts): it reads
/// the values there, adds or removes its own and writes the set back (azuredns, desec, gandiv5,
/// gcloud, godaddy, namecheap, pdns, route53). The others stay, so a wildcard and its base name
/// validated together both keep theirs. Reads and writes do not interleave under one lock per
/// provider name, shared by all its instances (each certificate of a run has its own instance, and
/// certificates are ordered in parallel): an edit between a read and its write would be written away. A provider keeps only what differs: where the set lives,
/// its read and write calls and their shapes. A read must tell "none" (null) from an answer it
/// cannot read (an error): taken as none, the write would drop the others. Not hetzner: its API
/// adds and removes single values itself (add_records/remove_records), with no set to write back.
/// </summary>
/// <typeparam name="TPlace">Where the name's set lives (a zone, a path), found before the read.</typeparam>
/// <typeparam name="TSet">The set as read, with what the write needs of it besides its values (a TTL).</typeparam>
/// <typeparam name="TValue">One value as the API keeps it (a quoted string, a host with its TTL).</typeparam>
internal abstract class ValueSetDnsProvider<TPlace, TSet, TValue> : IDnsProvider where TSet : class
{
    private readonly SemaphoreSlim _writing;

    protected ValueSetDnsProvider(string name, TimeSpan? propagationTimeout)
    {
        Name = name;
        PropagationTimeout = propagationTimeout;
        _writing = ValueSetWriteLocks.For(name);
    }

    public string Name { get; }

    public TimeSpan? PropagationTimeout { get; }

    public virtual TimeSpan OwnWait => TimeSpan.Zero;

    public Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken) => ChangeAsync(challenge, add: true, cancellationToken);

    public Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken) => ChangeAsync(challenge, add: false, cancellationToken);

    private async Task ChangeAsync(ChallengeTask challenge, bool add, CancellationToken cancellationToken)
    {
        // Found outside the lock: lookups of several challenges need not wait for each other.
        var place = await LocateAsync(challenge, cancellationToken).ConfigureAwait(false);
        var ours = Ours(challenge, place);
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        (bool Written, string? Receipt) write;
        try
        {
            write = await WriteLockedAsync(place, ours, add, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
        if (write.Written) await WrittenAsync(place, write.Receipt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds or removes ours, under the lock; whether anything was written, and the write's receipt.</summary>
    private async Task<(bool Written, string? Receipt)> WriteLockedAsync(TPlace place, TValue ours, bool add, CancellationToken cancellationToken)
    {
        if (add && await AddAloneAsync(place, ours, cancellationToken).ConfigureAwait(false)) return (true, null);
        var current = await ReadAsync(place, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<TValue> values = current is null ? [] : ValuesOf(current);
        // Nothing to do when ours is already there, or already gone.
        if (add == values.Any(value => IsOurs(value, ours))) return (false, null);
        List<TValue> next = add ? [.. values, ours] : [.. values.Where(value => !IsOurs(value, ours))];
        return (true, await WriteAsync(place, current, next, add, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Where the set of the challenge's record name lives.</summary>
    protected abstract Task<TPlace> LocateAsync(ChallengeTask challenge, CancellationToken cancellationToken);

    /// <summary>The challenge's value as the API keeps it.</summary>
    protected abstract TValue Ours(ChallengeTask challenge, TPlace place);

    /// <summary>The set there now; null when the name has none. An answer it cannot read is an error, never null.</summary>
    protected abstract Task<TSet?> ReadAsync(TPlace place, CancellationToken cancellationToken);

    /// <summary>The values of a set <see cref="ReadAsync"/> answered (a set that is only its values: <see cref="ValueListDnsProvider{TPlace, TValue}"/>).</summary>
    protected abstract IReadOnlyList<TValue> ValuesOf(TSet set);

    /// <summary>Writes <paramref name="next"/> (empty: none left) over <paramref name="current"/> (null: there was none).</summary>
    /// <param name="add">Whether ours was added (else removed), for the call's description.</param>
    /// <returns>The write's receipt: what <see cref="WrittenAsync"/> needs of the answer (route53's change to wait for), or null.</returns>
    protected abstract Task<string?> WriteAsync(TPlace place, TSet? current, List<TValue> next, bool add, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="value"/> is ours: equal, by default; the API's fields that are not ours (a TTL) may differ.</summary>
    protected virtual bool IsOurs(TValue value, TValue ours) => EqualityComparer<TValue>.Default.Equals(value, ours);

    /// <summary>
    /// For an API with a call that adds one value and keeps the others (godaddy's PATCH): adds ours
    /// with it, under the lock, and answers true; false (the default) reads and writes the set.
    /// </summary>
    protected virtual Task<bool> AddAloneAsync(TPlace place, TValue ours, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>After a write (an added-alone value's too, with no receipt), outside the lock (route53 waits for its change to be in sync); not when nothing was written.</summary>
    protected virtual Task WrittenAsync(TPlace place, string? receipt, CancellationToken cancellationToken) => Task.CompletedTask;
}
