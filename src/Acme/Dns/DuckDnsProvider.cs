using System.Collections.Concurrent;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// lego's <c>duckdns</c>: one GET per change, <c>/update?domains=SUB&amp;token=T&amp;txt=VALUE&amp;verbose=true</c>
/// sets the TXT record of <c>SUB.duckdns.org</c> (and every name below it), <c>&amp;clear=true</c>
/// clears it; the answer is <c>OK</c> or <c>KO</c> in the body, with HTTP 200 either way. DuckDNS
/// keeps one TXT value per domain, so the orderer runs this provider's challenges one at a time
/// (<see cref="HoldsOneValuePerName"/>), <c>DUCKDNS_SEQUENCE_INTERVAL</c> apart, as lego does.
/// </summary>
public sealed class DuckDnsProvider : IDnsProvider
{
    public const string ProviderName = "duckdns";
    public static readonly Uri DefaultBaseUrl = new("https://www.duckdns.org/");
    private const string Suffix = ".duckdns.org";

    public static DnsProviderVariables Variables { get; } = new(
    [
        new("DUCKDNS_TOKEN", "account token") { Secret = true },
        new("DUCKDNS_TTL", "accepted for lego configurations; DuckDNS fixes the TTL itself") { Default = "60" },
        new("DUCKDNS_PROPAGATION_TIMEOUT", "seconds to wait for the record to be visible") { Default = "60", Kind = DnsVariableKind.Seconds },
        new("DUCKDNS_POLLING_INTERVAL", "accepted for lego configurations; the propagation check polls at its own pace") { Default = "2" },
        new("DUCKDNS_SEQUENCE_INTERVAL", "seconds between two challenges, which run one at a time (one TXT value per domain)") { Default = "60", Kind = DnsVariableKind.Seconds },
        new("DUCKDNS_BASE_URL", "API base URL (ConfigLang's; for tests and proxies)") { Default = "https://www.duckdns.org" },
    ],
    Required: [["DUCKDNS_TOKEN"]]);

    private readonly DnsHttpApi _api;
    private readonly string _token;
    private readonly SecretRedactor _redactor;

    // The value this instance last published per DuckDNS domain: cleanup clears only its own.
    private readonly ConcurrentDictionary<string, string> _published = new(StringComparer.Ordinal);

    public DuckDnsProvider(ProviderCredentials credentials, HttpClient httpClient)
    {
        _token = credentials.Require(ProviderName, "DUCKDNS_TOKEN");
        _redactor = credentials.Redactor;
        // The token travels in the query string; the redactor (DUCKDNS_TOKEN is a secret name) keeps it out of errors.
        _api = new DnsHttpApi(ProviderName, httpClient, DnsHttpApi.BaseUrlFrom(credentials.Get("DUCKDNS_BASE_URL"), DefaultBaseUrl), credentials.Redactor,
            (_, _) => { }, _ => null);
        PropagationTimeout = credentials.GetSeconds("DUCKDNS_PROPAGATION_TIMEOUT") ?? TimeSpan.FromSeconds(60);
        SequenceInterval = credentials.GetSeconds("DUCKDNS_SEQUENCE_INTERVAL") ?? TimeSpan.FromSeconds(60);
    }

    public string Name => ProviderName;

    public TimeSpan? PropagationTimeout { get; }

    public bool HoldsOneValuePerName => true;

    public TimeSpan SequenceInterval { get; }

    public async Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        var domain = DomainOf(challenge.DnsRecordName);
        await UpdateAsync(domain, challenge.DnsTxtValue, clear: false, $"set TXT of {domain}{Suffix}", cancellationToken).ConfigureAwait(false);
        _published[domain] = challenge.DnsTxtValue;
    }

    public async Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        var domain = DomainOf(challenge.DnsRecordName);
        // Only the value this instance set and that is still the domain's: a later one is not ours to clear.
        if (!_published.TryRemove(KeyValuePair.Create(domain, challenge.DnsTxtValue))) return;
        await UpdateAsync(domain, challenge.DnsTxtValue, clear: true, $"clear TXT of {domain}{Suffix}", cancellationToken).ConfigureAwait(false);
    }

    private async Task UpdateAsync(string domain, string value, bool clear, string what, CancellationToken cancellationToken)
    {
        var query = $"update?domains={Uri.EscapeDataString(domain)}&token={Uri.EscapeDataString(_token)}&txt={Uri.EscapeDataString(value)}&verbose=true"
            + (clear ? "&clear=true" : "");
        var answer = await _api.SendTextAsync(HttpMethod.Get, query, null, what, cancellationToken).ConfigureAwait(false);
        // verbose=true: "OK" then the IPs, the TXT and UPDATED/NOCHANGE on further lines; "KO" alone on failure.
        var status = answer.TrimStart().Split('\n', 2)[0].Trim();
        if (status != "OK")
            throw _api.Fail($"{what}: DuckDNS answered {(status.Length == 0 ? "nothing" : RedactedExcerpt.Head(_redactor, status, 20))}"
                + (status == "KO" ? " (wrong DUCKDNS_TOKEN, or a domain the account does not hold)" : ""));
    }

    /// <summary>
    /// The DuckDNS domain (its sub name) holding <paramref name="recordName"/>: <c>b</c> for
    /// <c>_acme-challenge.a.b.duckdns.org.</c>; DuckDNS serves nothing else.
    /// </summary>
    public static string DomainOf(string recordName)
    {
        var name = recordName.TrimEnd('.').ToLowerInvariant();
        if (!name.EndsWith(Suffix, StringComparison.Ordinal))
            throw new DnsProviderException(ProviderName, $"{recordName.TrimEnd('.')} is not under duckdns.org, the only names DuckDNS serves");
        var labels = name[..^Suffix.Length].Split('.');
        // The record name starts with _acme-challenge, so a DuckDNS domain needs a label after it.
        if (labels.Length < 2 || labels[^1].Length == 0)
            throw new DnsProviderException(ProviderName, $"{recordName.TrimEnd('.')} names no DuckDNS domain (expected _acme-challenge[.host].DOMAIN.duckdns.org)");
        return labels[^1];
    }
}
