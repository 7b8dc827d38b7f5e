using System.Net;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using ARSoft.Tools.Net.Dns.DynamicUpdate;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// lego's <c>rfc2136</c>: adds and deletes the TXT record with DNS UPDATE (RFC 2136), signed with
/// TSIG (RFC 8945) when a key is configured. Variables: RFC2136_NAMESERVER (host[:port]),
/// RFC2136_TSIG_KEY, RFC2136_TSIG_SECRET, RFC2136_TSIG_ALGORITHM (default hmac-sha1, lego's),
/// RFC2136_TTL (120), RFC2136_PROPAGATION_TIMEOUT, RFC2136_DNS_TIMEOUT (default: the network
/// timeout); RFC2136_ZONE (ours) skips the SOA lookup of the zone.
/// </summary>
public sealed class Rfc2136DnsProvider : IDnsProvider
{
    public const string ProviderName = "rfc2136";

    public static DnsProviderVariables Variables { get; } = new(
    [
        new("RFC2136_NAMESERVER", "primary name server accepting updates, host[:port]"),
        new("RFC2136_TSIG_KEY", "TSIG key name, with RFC2136_TSIG_SECRET"),
        new("RFC2136_TSIG_SECRET", "TSIG secret (base64), with RFC2136_TSIG_KEY") { Secret = true },
        new("RFC2136_TSIG_ALGORITHM", "TSIG algorithm") { Default = "hmac-sha1." },
        new("RFC2136_TTL", "TTL of the TXT record in seconds") { Default = "120", Kind = DnsVariableKind.WholeNumber },
        new("RFC2136_PROPAGATION_TIMEOUT", "seconds to wait for the record to be visible") { Kind = DnsVariableKind.Seconds },
        new("RFC2136_DNS_TIMEOUT", "seconds to wait for the name server's answer") { Kind = DnsVariableKind.Seconds },
        new("RFC2136_ZONE", "the zone to update, skipping the SOA lookup (ConfigLang's)"),
    ],
    Required: [["RFC2136_NAMESERVER"]]);
    private readonly SecretRedactor _redactor;
    private readonly string? _tsigKeyName;
    private readonly byte[]? _tsigSecret;
    private readonly TSigAlgorithm _tsigAlgorithm;
    private readonly int _ttl;
    private readonly TimeSpan _timeout;
    private readonly string? _zone;

    /// <param name="timeout">Limit on each DNS exchange unless RFC2136_DNS_TIMEOUT says otherwise (default <see cref="Protocol.NetworkTimeout.Default"/>).</param>
    public Rfc2136DnsProvider(ProviderCredentials credentials, TimeSpan? timeout = null)
    {
        _redactor = credentials.Redactor;
        var server = credentials.Require(ProviderName, "RFC2136_NAMESERVER");
        try
        {
            NameServer = DnsEndpoint.Parse(server);
        }
        catch (FormatException e)
        {
            throw new DnsProviderException(ProviderName, "RFC2136_NAMESERVER: " + e.Message);
        }
        _tsigKeyName = credentials.Get("RFC2136_TSIG_KEY");
        var secret = credentials.Get("RFC2136_TSIG_SECRET");
        if ((_tsigKeyName is null) != (secret is null))
            throw new DnsProviderException(ProviderName, "set both RFC2136_TSIG_KEY and RFC2136_TSIG_SECRET, or neither");
        if (secret is not null)
        {
            try
            {
                _tsigSecret = Convert.FromBase64String(secret.Trim());
            }
            catch (FormatException)
            {
                throw new DnsProviderException(ProviderName, "RFC2136_TSIG_SECRET is not base64");
            }
        }
        _tsigAlgorithm = ParseAlgorithm(credentials.Get("RFC2136_TSIG_ALGORITHM") ?? "hmac-sha1.");
        _ttl = credentials.GetInt("RFC2136_TTL") ?? 120;
        _timeout = credentials.GetSeconds("RFC2136_DNS_TIMEOUT") ?? timeout ?? Protocol.NetworkTimeout.Default;
        PropagationTimeout = credentials.GetSeconds("RFC2136_PROPAGATION_TIMEOUT");
        _zone = credentials.Get("RFC2136_ZONE");
    }

    public string Name => ProviderName;

    public IPEndPoint NameServer { get; }

    public TimeSpan? PropagationTimeout { get; }

    public Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken) =>
        UpdateAsync(challenge, add: true, cancellationToken);

    public Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken) =>
        UpdateAsync(challenge, add: false, cancellationToken);

    private async Task UpdateAsync(ChallengeTask challenge, bool add, CancellationToken cancellationToken)
    {
        var fqdn = challenge.DnsRecordName;
        string? zone;
        try
        {
            zone = _zone is not null ? _zone.TrimEnd('.') + "." : await DnsLookup.FindZoneAsync(NameServer, fqdn, _timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Protocol.AcmeException e) when (e is Protocol.NetworkTimeoutException or DnsNoAnswerException)
        {
            throw new DnsProviderException(ProviderName, $"looking up the zone of {fqdn}: {e.Message}");
        }
        if (zone is null)
            throw new DnsProviderException(ProviderName, $"no zone at {NameServer} holds {fqdn} (is '{challenge.Domain}' in a zone this server is authoritative for?)");
        var message = new DnsUpdateMessage { ZoneName = DomainName.Parse(zone.TrimEnd('.')) };
        var record = new TxtRecord(DomainName.Parse(fqdn.TrimEnd('.')), add ? _ttl : 0, challenge.DnsTxtValue);
        message.Updates.Add(add ? new AddRecordUpdate(record) : new DeleteRecordUpdate(record));
        if (_tsigKeyName is not null && _tsigSecret is not null)
        {
            message.TSigOptions = new TSigRecord(DomainName.Parse(_tsigKeyName.TrimEnd('.')), _tsigAlgorithm, DateTime.Now,
                TimeSpan.FromMinutes(5), message.TransactionID, ReturnCode.NoError, null, _tsigSecret);
        }
        DnsUpdateMessage response;
        try
        {
            response = await DnsLookup.AnswerAsync(NameServer, _timeout, (client, deadline) => client.SendUpdateAsync(message, deadline), cancellationToken).ConfigureAwait(false);
        }
        catch (DnsNoAnswerException e)
        {
            throw new DnsProviderException(ProviderName, $"update of {fqdn} in zone {zone}: {e.Message}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new DnsProviderException(ProviderName, _redactor.Redact($"update of {fqdn} in zone {zone} at {NameServer} failed: {e.Message}"));
        }
        if (response.ReturnCode != ReturnCode.NoError)
        {
            var hint = response.ReturnCode switch
            {
                ReturnCode.NotAuthoritive => $" (the server is not authoritative for zone {zone}, or did not accept the TSIG key, secret or algorithm, or gives it no update permission)",
                ReturnCode.NotZone => $" ({fqdn} is not inside zone {zone})",
                ReturnCode.Refused => " (the server refuses updates from this client or key)",
                _ => "",
            };
            throw new DnsProviderException(ProviderName, $"{NameServer} answered {response.ReturnCode} to the {(add ? "addition" : "removal")} of TXT {fqdn} in zone {zone}{hint}");
        }
    }

    private static TSigAlgorithm ParseAlgorithm(string name) => name.Trim().TrimEnd('.').ToLowerInvariant() switch
    {
        "hmac-md5" or "hmac-md5.sig-alg.reg.int" => TSigAlgorithm.Md5,
        "hmac-sha1" => TSigAlgorithm.Sha1,
        "hmac-sha224" => TSigAlgorithm.Sha224,
        "hmac-sha256" => TSigAlgorithm.Sha256,
        "hmac-sha384" => TSigAlgorithm.Sha384,
        "hmac-sha512" => TSigAlgorithm.Sha512,
        _ => throw new DnsProviderException(ProviderName, $"unknown RFC2136_TSIG_ALGORITHM '{name}' (hmac-md5, hmac-sha1, hmac-sha224, hmac-sha256, hmac-sha384, hmac-sha512)"),
    };
}
