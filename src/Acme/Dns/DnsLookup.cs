using System.Diagnostics;
using System.Net;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using ConfigLang.Acme.Protocol;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// Small DNS queries shared by the rfc2136 provider and the propagation check (ARSoft.Tools.Net, UDP
/// with TCP fallback). Each exchange is bounded by its timeout as a whole, whatever the transports
/// do: a server that accepts a TCP connection and never answers gives a <see cref="NetworkTimeoutException"/>.
/// </summary>
internal static class DnsLookup
{
    private static DnsClient ClientFor(IPEndPoint server, TimeSpan timeout) =>
        new([server.Address], [new UdpClientTransport(server.Port), new TcpClientTransport(server.Port)], true, (int)timeout.TotalMilliseconds);

    /// <summary>One exchange with <paramref name="server"/> (a fresh client) within <paramref name="timeout"/>.</summary>
    public static Task<T> AskAsync<T>(IPEndPoint server, TimeSpan timeout, Func<DnsClient, CancellationToken, Task<T>> exchange, CancellationToken cancellationToken) =>
        NetworkDeadline.RunAsync($"DNS server {server}", timeout, async deadline =>
        {
            using var client = ClientFor(server, timeout);
            return await exchange(client, deadline).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>One exchange as <see cref="AskAsync"/>, where no answer is a <see cref="DnsNoAnswerException"/>.</summary>
    public static async Task<T> AnswerAsync<T>(IPEndPoint server, TimeSpan timeout, Func<DnsClient, CancellationToken, Task<T?>> exchange, CancellationToken cancellationToken)
        where T : class
    {
        var started = Stopwatch.GetTimestamp();
        return await AskAsync(server, timeout, exchange, cancellationToken).ConfigureAwait(false)
            ?? throw new DnsNoAnswerException(server, timeout, Stopwatch.GetElapsedTime(started));
    }

    private static Func<DnsClient, CancellationToken, Task<DnsMessage?>> Query(string name, RecordType type) =>
        (client, deadline) => client.ResolveAsync(DomainName.Parse(name.TrimEnd('.')), type, RecordClass.INet, null, deadline);

    private static Task<DnsMessage?> ResolveAsync(IPEndPoint server, string name, RecordType type, TimeSpan timeout, CancellationToken cancellationToken) =>
        AskAsync(server, timeout, Query(name, type), cancellationToken);

    /// <summary>
    /// The zone holding <paramref name="fqdn"/>, from the SOA the server returns (in the answer for
    /// the apex, in the authority section below it); walks up a label at a time when refused.
    /// </summary>
    public static async Task<string?> FindZoneAsync(IPEndPoint server, string fqdn, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var name = fqdn.TrimEnd('.');
        while (name.Contains('.', StringComparison.Ordinal))
        {
            // No answer at all (every transport failed): the parent's query would not be answered either.
            var response = await AnswerAsync(server, timeout, Query(name, RecordType.Soa), cancellationToken).ConfigureAwait(false);
            if (response.ReturnCode is ReturnCode.NoError or ReturnCode.NxDomain)
            {
                var soa = response.AnswerRecords.OfType<SoaRecord>().FirstOrDefault()
                    ?? response.AuthorityRecords.OfType<SoaRecord>().FirstOrDefault();
                if (soa is not null) return soa.Name.ToString().TrimEnd('.') + ".";
            }
            name = name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..];
        }
        return null;
    }

    /// <summary>The TXT strings at <paramref name="fqdn"/> as <paramref name="server"/> answers, or null when it did not answer.</summary>
    public static async Task<IReadOnlyList<string>?> TxtValuesAsync(IPEndPoint server, string fqdn, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var response = await ResolveAsync(server, fqdn, RecordType.Txt, timeout, cancellationToken).ConfigureAwait(false);
        if (response is null) return null;
        return response.AnswerRecords.OfType<TxtRecord>().Select(r => string.Concat(r.TextParts)).ToList();
    }

    /// <summary>Name server host names of <paramref name="zone"/>.</summary>
    public static async Task<IReadOnlyList<string>> NameServersAsync(IPEndPoint server, string zone, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var response = await ResolveAsync(server, zone, RecordType.Ns, timeout, cancellationToken).ConfigureAwait(false);
        return response?.AnswerRecords.OfType<NsRecord>().Select(r => r.NameServer.ToString()).ToList() ?? [];
    }

    /// <summary>IPv4 and IPv6 addresses of <paramref name="host"/> as <paramref name="server"/> answers.</summary>
    public static async Task<IReadOnlyList<IPAddress>> AddressesAsync(IPEndPoint server, string host, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var v4 = await ResolveAsync(server, host, RecordType.A, timeout, cancellationToken).ConfigureAwait(false);
        var v6 = await ResolveAsync(server, host, RecordType.Aaaa, timeout, cancellationToken).ConfigureAwait(false);
        var addresses = new List<IPAddress>();
        if (v4 is not null) addresses.AddRange(v4.AnswerRecords.OfType<ARecord>().Select(r => r.Address));
        if (v6 is not null) addresses.AddRange(v6.AnswerRecords.OfType<AaaaRecord>().Select(r => r.Address));
        return addresses;
    }

    /// <summary>The first server from /etc/resolv.conf (for lookups when no resolver is configured).</summary>
    public static IPEndPoint SystemResolver()
    {
        var servers = DnsClient.GetLocalConfiguredDnsServers();
        return new IPEndPoint(servers.Count > 0 ? servers[0] : IPAddress.Loopback, 53);
    }
}
