using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// lego's <c>godaddy</c>, over the GoDaddy Domains API v1 (<c>Authorization: sso-key KEY:SECRET</c>):
/// finds the zone with <c>GET /v1/domains/{candidate}</c> (404: not the account's), adds the record
/// with <c>PATCH /v1/domains/{domain}/records</c> (<c>[{"type":"TXT","name","data","ttl"}]</c>, which
/// keeps the others), and for cleanup reads <c>GET .../records/TXT/{name}</c>, then writes back all
/// values but its own with <c>PUT</c>, or <c>DELETE</c>s the name when none is left. GoDaddy records
/// have no id, so read-modify-write is serialized within the provider. Errors are
/// <c>{"code":...,"message":...}</c>.
/// </summary>
public sealed class GoDaddyDnsProvider : IDnsProvider
{
    public const string ProviderName = "godaddy";
    public static readonly Uri DefaultBaseUrl = new("https://api.godaddy.com/v1/");

    public static DnsProviderVariables Variables { get; } = new(
    [
        new("GODADDY_API_KEY", "API key") { Secret = true },
        new("GODADDY_API_SECRET", "API secret") { Secret = true },
        new("GODADDY_TTL", "TTL of the TXT record in seconds") { Default = "600" },
        new("GODADDY_PROPAGATION_TIMEOUT", "seconds to wait for the record to be visible") { Default = "120" },
        new("GODADDY_BASE_URL", "API base URL (ConfigLang's; for tests and the OTE environment)") { Default = "https://api.godaddy.com/v1" },
    ],
    Required: [["GODADDY_API_KEY", "GODADDY_API_SECRET"]]);

    private readonly DnsHttpApi _api;
    private readonly int _ttl;
    private readonly SemaphoreSlim _writing = new(1, 1);

    public GoDaddyDnsProvider(ProviderCredentials credentials, HttpClient httpClient)
    {
        var key = credentials.Require(ProviderName, "GODADDY_API_KEY");
        var secret = credentials.Require(ProviderName, "GODADDY_API_SECRET");
        _api = new DnsHttpApi(ProviderName, httpClient, DnsHttpApi.BaseUrlFrom(credentials.Get("GODADDY_BASE_URL"), DefaultBaseUrl), credentials.Redactor,
            (request, _) => request.Headers.TryAddWithoutValidation("Authorization", $"sso-key {key}:{secret}"),
            error => DnsHttpApi.StringAt(error, "message") is { } message ? $"{DnsHttpApi.StringAt(error, "code")}: {message}" : null);
        _ttl = credentials.GetInt("GODADDY_TTL") ?? 600;
        PropagationTimeout = credentials.GetSeconds("GODADDY_PROPAGATION_TIMEOUT") ?? TimeSpan.FromSeconds(120);
    }

    public string Name => ProviderName;

    public TimeSpan? PropagationTimeout { get; }

    public async Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        var name = challenge.DnsRecordName.TrimEnd('.');
        var zone = await FindZoneAsync(name, cancellationToken).ConfigureAwait(false);
        (string, object?)[] record = [("type", "TXT"), ("name", ZoneCandidates.Relative(name, zone)), ("data", challenge.DnsTxtValue), ("ttl", _ttl)];
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var _ = await _api.SendAsync(HttpMethod.Patch, $"domains/{zone}/records", JsonBody.Array(new object[] { record }), $"add TXT {name}", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }

    public async Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        var name = challenge.DnsRecordName.TrimEnd('.');
        var zone = await FindZoneAsync(name, cancellationToken).ConfigureAwait(false);
        var path = $"domains/{zone}/records/TXT/{Uri.EscapeDataString(ZoneCandidates.Relative(name, zone))}";
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<(string Data, int Ttl)> kept;
            using (var current = await _api.SendAsync(HttpMethod.Get, path, null, $"read TXT {name}", cancellationToken, notFoundIsNull: true).ConfigureAwait(false))
            {
                if (current is null) return;
                // Records in another shape are an error: written back, they would replace the others with blanks.
                var all = _api.Read(current, $"read TXT {name}").Items()
                    .Select(r => (Data: r.String("data"), Ttl: r.Int32OrNull("ttl") ?? _ttl))
                    .ToList();
                kept = all.Where(r => r.Data != challenge.DnsTxtValue).ToList();
                // Only its own value goes; nothing to do when it is already gone.
                if (kept.Count == all.Count) return;
            }
            if (kept.Count == 0)
            {
                using var _ = await _api.SendAsync(HttpMethod.Delete, path, null, $"delete TXT {name}", cancellationToken, notFoundIsNull: true).ConfigureAwait(false);
                return;
            }
            var body = JsonBody.Array([.. kept.Select(r => (object)new (string, object?)[] { ("data", r.Data), ("ttl", r.Ttl) })]);
            using var __ = await _api.SendAsync(HttpMethod.Put, path, body, $"remove from TXT {name}", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task<string> FindZoneAsync(string fqdn, CancellationToken cancellationToken)
    {
        foreach (var candidate in ZoneCandidates.For(fqdn))
        {
            using var domain = await _api.SendAsync(HttpMethod.Get, $"domains/{candidate}", null, $"look up domain {candidate}", cancellationToken, notFoundIsNull: true).ConfigureAwait(false);
            if (domain is not null) return candidate;
        }
        throw _api.Fail(ZoneCandidates.NotFound("GoDaddy domain", fqdn));
    }
}
