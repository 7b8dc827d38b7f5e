using System.Net.Http.Headers;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// lego's <c>desec</c>, over the deSEC API (<c>Authorization: Token ...</c>): finds the zone with
/// <c>GET /api/v1/domains/?owns_qname=</c>, reads the TXT RRset with
/// <c>GET /api/v1/domains/{domain}/rrsets/{subname}/TXT/</c> (404: none yet), and writes it whole:
/// <c>POST .../rrsets/</c> (<c>{"subname","type":"TXT","ttl","records":["\"...\""]}</c>) to create,
/// <c>PATCH .../rrsets/{subname}/TXT/</c> (<c>{"records":[...]}</c>; empty deletes it) to change.
/// Its own value is added or removed and the others kept, so a wildcard's value on the same name
/// stays; read-modify-write is serialized within the provider. Errors are <c>{"detail":...}</c>.
/// </summary>
public sealed class DesecDnsProvider : IDnsProvider
{
    public const string ProviderName = "desec";
    public static readonly Uri DefaultBaseUrl = new("https://desec.io/api/v1/");

    public static DnsProviderVariables Variables { get; } = new(
    [
        new("DESEC_TOKEN", "deSEC API token") { Secret = true },
        new("DESEC_TTL", "TTL of the TXT record in seconds (deSEC's minimum is 3600)") { Default = "3600" },
        new("DESEC_PROPAGATION_TIMEOUT", "seconds to wait for the record to be visible") { Default = "120" },
        new("DESEC_BASE_URL", "API base URL (ConfigLang's; for tests and proxies)") { Default = "https://desec.io/api/v1" },
    ],
    Required: [["DESEC_TOKEN"]]);

    private readonly DnsHttpApi _api;
    private readonly int _ttl;
    private readonly SemaphoreSlim _writing = new(1, 1);

    public DesecDnsProvider(ProviderCredentials credentials, HttpClient httpClient)
    {
        var token = credentials.Require(ProviderName, "DESEC_TOKEN");
        _api = new DnsHttpApi(ProviderName, httpClient, DnsHttpApi.BaseUrlFrom(credentials.Get("DESEC_BASE_URL"), DefaultBaseUrl), credentials.Redactor,
            (request, _) => request.Headers.Authorization = new AuthenticationHeaderValue("Token", token),
            error => DnsHttpApi.StringAt(error, "detail"));
        _ttl = credentials.GetInt("DESEC_TTL") ?? 3600;
        PropagationTimeout = credentials.GetSeconds("DESEC_PROPAGATION_TIMEOUT") ?? TimeSpan.FromSeconds(120);
    }

    public string Name => ProviderName;

    public TimeSpan? PropagationTimeout { get; }

    public Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken) =>
        ChangeAsync(challenge, add: true, cancellationToken);

    public Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken) =>
        ChangeAsync(challenge, add: false, cancellationToken);

    private async Task ChangeAsync(ChallengeTask challenge, bool add, CancellationToken cancellationToken)
    {
        var name = challenge.DnsRecordName.TrimEnd('.');
        var domain = await FindZoneAsync(name, cancellationToken).ConfigureAwait(false);
        var subname = ZoneCandidates.Relative(name, domain);
        var rrset = $"domains/{domain}/rrsets/{Uri.EscapeDataString(subname)}/TXT/";
        var value = "\"" + challenge.DnsTxtValue + "\"";
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<string>? records = null;
            using (var current = await _api.SendAsync(HttpMethod.Get, rrset, null, $"read TXT {name}", cancellationToken, notFoundIsNull: true).ConfigureAwait(false))
            {
                // An RRset without its records is an error: writing ours alone would drop the others.
                if (current is not null) records = [.. _api.Read(current, $"read TXT {name}").Array("records").Select(r => r.AsString())];
            }
            if (TxtValueSet.Apply(records, value, add) is not { } next) return;
            if (records is null)
            {
                using var _ = await _api.SendAsync(HttpMethod.Post, $"domains/{domain}/rrsets/",
                    JsonBody.Object(("subname", subname), ("type", "TXT"), ("ttl", _ttl), ("records", next)),
                    $"create TXT {name}", cancellationToken).ConfigureAwait(false);
                return;
            }
            // Empty records delete the RRset.
            using var __ = await _api.SendAsync(HttpMethod.Patch, rrset, JsonBody.Object(("records", next)),
                $"{(add ? "add to" : "remove from")} TXT {name}", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task<string> FindZoneAsync(string fqdn, CancellationToken cancellationToken)
    {
        var what = $"look up the zone of {fqdn}";
        using var answer = await _api.SendAsync(HttpMethod.Get, "domains/?owns_qname=" + Uri.EscapeDataString(fqdn), null, what, cancellationToken).ConfigureAwait(false);
        return _api.Read(answer, what).Items().Select(domain => domain.String("name")).FirstOrDefault()
            ?? throw _api.Fail($"no deSEC domain holds {fqdn}");
    }
}
