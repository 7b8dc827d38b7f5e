using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// lego's <c>hetzner</c>, over the Hetzner Cloud API's zones (the DNS Console API is retired) with
/// a Bearer token: finds the zone with <c>GET /v1/zones?name=</c> for each candidate, adds the
/// value to the TXT RRSet with <c>POST /v1/zones/{id}/rrsets/{name}/TXT/actions/add_records</c>
/// (<c>{"ttl":...,"records":[{"value":"\"...\""}]}</c>) and removes only that value with
/// <c>.../actions/remove_records</c>, so a wildcard's value on the same name stays. Errors are
/// <c>{"error":{"code":...,"message":...}}</c>.
/// </summary>
public sealed class HetznerDnsProvider : IDnsProvider
{
    public const string ProviderName = "hetzner";
    public static readonly Uri DefaultBaseUrl = new("https://api.hetzner.cloud/v1/");

    public static DnsProviderVariables Variables { get; } = new(
    [
        new("HETZNER_API_TOKEN", "Hetzner Cloud API token with read/write access (Bearer)") { Secret = true },
        new("HETZNER_TTL", "TTL of the TXT record in seconds") { Default = "120", Kind = DnsVariableKind.WholeNumber },
        new("HETZNER_PROPAGATION_TIMEOUT", "seconds to wait for the record to be visible") { Default = "60", Kind = DnsVariableKind.Seconds },
        new("HETZNER_BASE_URL", "API base URL (ConfigLang's; for tests and proxies)") { Default = "https://api.hetzner.cloud/v1" },
    ],
    Required: [["HETZNER_API_TOKEN"]]);

    private readonly DnsHttpApi _api;
    private readonly int _ttl;

    public HetznerDnsProvider(ProviderCredentials credentials, HttpClient httpClient)
    {
        var token = credentials.Require(ProviderName, "HETZNER_API_TOKEN");
        _api = new DnsHttpApi(ProviderName, httpClient, DnsHttpApi.BaseUrlFrom(credentials.Get("HETZNER_BASE_URL"), DefaultBaseUrl), credentials.Redactor,
            DnsHttpApi.Bearer(token),
            answer => answer.TryGetProperty("error", out var error) && DnsHttpApi.StringAt(error, "message") is { } message
                ? $"{DnsHttpApi.StringAt(error, "code")}: {message}"
                : null);
        _ttl = credentials.GetInt("HETZNER_TTL") ?? 120;
        PropagationTimeout = credentials.GetSeconds("HETZNER_PROPAGATION_TIMEOUT") ?? TimeSpan.FromSeconds(60);
    }

    public string Name => ProviderName;

    public TimeSpan? PropagationTimeout { get; }

    public Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken) =>
        ChangeAsync(challenge, "add_records", "add", cancellationToken);

    public Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken) =>
        ChangeAsync(challenge, "remove_records", "remove", cancellationToken);

    private async Task ChangeAsync(ChallengeTask challenge, string action, string verb, CancellationToken cancellationToken)
    {
        var name = challenge.DnsRecordName.TrimEnd('.');
        var (zoneId, zoneName) = await FindZoneAsync(name, cancellationToken).ConfigureAwait(false);
        // TXT values travel as quoted strings; the TTL only matters when adding.
        (string, object?)[] record = [("value", "\"" + challenge.DnsTxtValue + "\"")];
        var body = JsonBody.Object(("ttl", action == "add_records" ? _ttl : null), ("records", new object[] { record }));
        var path = $"zones/{zoneId}/rrsets/{Uri.EscapeDataString(ZoneCandidates.Relative(name, zoneName))}/TXT/actions/{action}";
        using var _ = await _api.SendAsync(HttpMethod.Post, path, body, $"{verb} TXT {name}", cancellationToken).ConfigureAwait(false);
    }

    private async Task<(string Id, string Name)> FindZoneAsync(string fqdn, CancellationToken cancellationToken)
    {
        foreach (var candidate in ZoneCandidates.For(fqdn))
        {
            var what = $"look up zone {candidate}";
            using var answer = await _api.SendAsync(HttpMethod.Get, "zones?name=" + Uri.EscapeDataString(candidate), null, what, cancellationToken).ConfigureAwait(false);
            if (_api.Read(answer, what).Array("zones").Select(zone => zone.Id("id")).FirstOrDefault() is { } id) return (id, candidate);
        }
        throw _api.Fail(ZoneCandidates.NotFound("Hetzner zone", fqdn));
    }
}
