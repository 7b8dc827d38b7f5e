using System.Net;
using ConfigLang.Acme.Challenges;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// Waits until the challenge TXT value is visible, with a bounded wait: either at configured
/// resolvers (NixOS <c>dnsResolver</c>, lego <c>--dns.resolvers</c>) or at every name server of
/// the zone (<c>dnsPropagationCheck</c>). Polls from 50 ms, backing off to 2 s.
/// </summary>
public sealed class DnsPropagationCheck
{
    private readonly Func<DnsPropagationCheck, ChallengeTask, CancellationToken, Task<IReadOnlyList<IPEndPoint>>>? _servers;

    // True when the servers waited for are resolvers (dnsResolver), not the zone's own name servers.
    private readonly bool _atResolvers;

    private DnsPropagationCheck(string description, Func<DnsPropagationCheck, ChallengeTask, CancellationToken, Task<IReadOnlyList<IPEndPoint>>>? servers, TimeSpan timeout,
        bool atResolvers = false)
    {
        Description = description;
        _servers = servers;
        _atResolvers = atResolvers;
        Timeout = timeout;
    }

    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(60);

    public string Description { get; }

    public TimeSpan Timeout { get; }

    public TimeSpan QueryTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Less time than this left, a server is not asked any more (its answer could not arrive in it).</summary>
    private static readonly TimeSpan ShortestQuery = TimeSpan.FromMilliseconds(100);

    /// <summary>Where the resolvers came from, for failure messages (<c>security.acme.certs."x".dnsResolver</c>, the system's).</summary>
    public string? ResolverOrigin { get; init; }

    /// <summary>What the user can change when the check fails, appended to its message.</summary>
    public string? Advice { get; init; }

    /// <summary>This check, with failure messages that say where its resolvers came from and what to change.</summary>
    public DnsPropagationCheck Explained(string resolverOrigin, string? advice = null) =>
        new(Description, _servers, Timeout, _atResolvers) { QueryTimeout = QueryTimeout, ResolverOrigin = resolverOrigin, Advice = advice };

    /// <summary>No check: the provider's own answer is trusted.</summary>
    public static DnsPropagationCheck None { get; } = new("none", null, TimeSpan.Zero);

    /// <summary>Ask these resolvers (e.g. <c>127.0.0.1:8053</c>).</summary>
    public static DnsPropagationCheck AtResolvers(IReadOnlyList<IPEndPoint> resolvers, TimeSpan? timeout = null) =>
        new("resolvers " + string.Join(", ", resolvers), (_, _, _) => Task.FromResult(resolvers), timeout ?? DefaultTimeout, atResolvers: true);

    /// <summary>
    /// Ask every authoritative server of the record's zone; the zone, its NS names and their
    /// addresses come from <paramref name="bootstrap"/> (default: the system resolver), and the
    /// servers are queried on <paramref name="port"/>.
    /// </summary>
    public static DnsPropagationCheck AtAuthoritativeServers(IPEndPoint? bootstrap = null, int port = 53, TimeSpan? timeout = null)
    {
        async Task<IReadOnlyList<IPEndPoint>> Find(DnsPropagationCheck check, ChallengeTask challenge, CancellationToken cancellationToken)
        {
            var resolver = bootstrap ?? DnsLookup.SystemResolver();
            var queryTimeout = TimeSpan.FromSeconds(3);
            var zone = await DnsLookup.FindZoneAsync(resolver, challenge.DnsRecordName, queryTimeout, cancellationToken).ConfigureAwait(false)
                ?? throw new DnsProviderException("dns", check.Explain($"cannot find the zone of {challenge.DnsRecordName}: no answer for it from the resolver {resolver}"));
            var servers = new List<IPEndPoint>();
            foreach (var ns in await DnsLookup.NameServersAsync(resolver, zone, queryTimeout, cancellationToken).ConfigureAwait(false))
            {
                foreach (var address in await DnsLookup.AddressesAsync(resolver, ns, queryTimeout, cancellationToken).ConfigureAwait(false))
                    servers.Add(new IPEndPoint(address, port));
            }
            if (servers.Count == 0) throw new DnsProviderException("dns", check.Explain($"zone {zone} has no resolvable name servers at the resolver {resolver}"));
            return servers;
        }
        return new("authoritative servers", Find, timeout ?? DefaultTimeout);
    }

    /// <summary>
    /// The check NixOS options ask for: <c>dnsPropagationCheck = false</c> gives none; a
    /// <c>dnsResolver</c> (host[:port], comma-separated) gives a check at those resolvers; otherwise
    /// every authoritative server of the zone is asked (found through the system resolver).
    /// </summary>
    public static DnsPropagationCheck FromSettings(bool propagationCheck, string? dnsResolver, TimeSpan? timeout = null)
    {
        if (!propagationCheck) return None;
        if (!string.IsNullOrWhiteSpace(dnsResolver)) return AtResolvers(DnsEndpoint.ParseList(dnsResolver), timeout);
        return AtAuthoritativeServers(timeout: timeout);
    }

    public DnsPropagationCheck WithTimeout(TimeSpan timeout) =>
        new(Description, _servers, timeout, _atResolvers) { QueryTimeout = QueryTimeout, ResolverOrigin = ResolverOrigin, Advice = Advice };

    /// <summary>A failure message with where the resolver came from and what to change, when known.</summary>
    private string Explain(string failure) =>
        failure + (ResolverOrigin is null ? "" : $" (that resolver is {ResolverOrigin})") + (Advice is null ? "" : $"; {Advice}");

    /// <summary>
    /// The servers to ask, found within <see cref="Timeout"/> too: finding a zone's name servers
    /// costs two lookups of up to 3 s for each name server the zone lists, and a zone may list many.
    /// </summary>
    private async Task<IReadOnlyList<IPEndPoint>> FindServersAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            return await _servers!(this, challenge, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DnsProviderException("dns", Explain($"the name servers to ask for TXT {challenge.DnsRecordName} were not all found within {Timeout.TotalSeconds:0} s"));
        }
    }

    public async Task WaitAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        if (_servers is null) return;
        var started = DateTime.UtcNow;
        var servers = await FindServersAsync(challenge, cancellationToken).ConfigureAwait(false);
        var pending = servers.ToList();
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            var still = new List<IPEndPoint>();
            foreach (var server in pending)
            {
                // Each query gets what is left of the timeout: a round over many silent servers
                // (a hostile zone can list hundreds) must not run past it a QueryTimeout per server.
                var left = Timeout - (DateTime.UtcNow - started);
                if (left < ShortestQuery)
                {
                    still.Add(server);
                    continue;
                }
                IReadOnlyList<string>? values = null;
                try
                {
                    values = await DnsLookup.TxtValuesAsync(server, challenge.DnsRecordName, left < QueryTimeout ? left : QueryTimeout, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // An unreachable server counts as "not yet".
                }
                if (values is null || !values.Contains(challenge.DnsTxtValue)) still.Add(server);
            }
            if (still.Count == 0) return;
            pending = still;
            if (DateTime.UtcNow - started + delay > Timeout)
            {
                var failure = $"TXT {challenge.DnsRecordName} for '{challenge.OrderedName}' not visible at {Protocol.ShortList.Join(pending, server => server.ToString())} after {Timeout.TotalSeconds:0} s";
                // The zone's own name servers came from the zone, not from where the resolver did.
                throw new DnsProviderException("dns", _atResolvers ? Explain(failure) : failure);
            }
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 1.5, 2000));
        }
    }
}
