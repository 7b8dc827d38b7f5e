using System.Collections.Concurrent;
using ConfigLang.Acme.Challenges;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// A provider whose API creates a TXT record, answers its id, and deletes it later by that id
/// (digitalocean, linode, vultr, dnsimple, porkbun, ovh, cloudflare). What this instance created is
/// remembered per (name, value), so cleanup deletes only its own record: a wildcard and its base
/// name put two values on one name, and each stays until its own cleanup. A provider keeps only
/// what differs: how it finds the zone, and its create and delete calls.
/// </summary>
/// <typeparam name="TRecord">What the delete call needs: the zone and the record's id.</typeparam>
public abstract class RecordIdDnsProvider<TRecord> : IDnsProvider where TRecord : struct
{
    private readonly ConcurrentDictionary<(string Name, string Value), TRecord> _created = new();

    protected RecordIdDnsProvider(string name, TimeSpan? propagationTimeout)
    {
        Name = name;
        PropagationTimeout = propagationTimeout;
    }

    public string Name { get; }

    public TimeSpan? PropagationTimeout { get; }

    public async Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        var name = challenge.DnsRecordName.TrimEnd('.');
        var record = await CreateAsync(challenge, name, cancellationToken).ConfigureAwait(false);
        _created[(name, challenge.DnsTxtValue)] = record;
        await CreatedAsync(record, cancellationToken).ConfigureAwait(false);
    }

    public async Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        var name = challenge.DnsRecordName.TrimEnd('.');
        // Only a record this instance created: others on the same name (the wildcard's) stay.
        if (!_created.TryRemove((name, challenge.DnsTxtValue), out var record))
        {
            if (await FindNotCreatedAsync(challenge, name, cancellationToken).ConfigureAwait(false) is not { } found) return;
            record = found;
        }
        await DeleteAsync(record, name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the TXT record <paramref name="name"/> (no trailing dot) with the challenge's value; what deleting it needs.</summary>
    protected abstract Task<TRecord> CreateAsync(ChallengeTask challenge, string name, CancellationToken cancellationToken);

    /// <summary>Deletes a record <see cref="CreateAsync"/> made (or <see cref="FindNotCreatedAsync"/> found).</summary>
    protected abstract Task DeleteAsync(TRecord record, string name, CancellationToken cancellationToken);

    /// <summary>After the record is remembered: a failure here still leaves it to be cleaned up (ovh refreshes its zone).</summary>
    protected virtual Task CreatedAsync(TRecord record, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Cleanup of a record this instance did not create: null leaves the name alone, since only our
    /// own record may go. A provider that can find its record by value (cloudflare) may look it up.
    /// </summary>
    protected virtual Task<TRecord?> FindNotCreatedAsync(ChallengeTask challenge, string name, CancellationToken cancellationToken) =>
        Task.FromResult<TRecord?>(null);
}
