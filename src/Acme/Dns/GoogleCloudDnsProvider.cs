using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Crypto;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// lego's <c>gcloud</c>, over Google Cloud DNS v1 with a service account: a JWT
/// (<c>RS256</c>, iss = client_email, scope ndev.clouddns.readwrite, aud = token_uri) is exchanged
/// at the account's token_uri for an access token (JWT bearer grant). Finds the zone with
/// <c>GET /projects/{project}/managedZones?dnsName=</c> (public zones only unless
/// GCE_ALLOW_PRIVATE_ZONE), reads the TXT rrset with <c>GET .../rrsets?name=&amp;type=TXT</c> and
/// replaces it in one change (<c>POST .../changes</c> with <c>deletions</c> of the old rrset and
/// <c>additions</c> of the new), its own value added or removed and the others kept; serialized
/// within the provider. Errors are <c>{"error":{"code","message","status"}}</c>.
/// </summary>
internal sealed class GoogleCloudDnsProvider : ValueSetDnsProvider<(string Zone, string Fqdn), GoogleCloudDnsProvider.Rrset, string>
{
    public const string ProviderName = "gcloud";
    public static readonly Uri DefaultBaseUrl = new("https://dns.googleapis.com/dns/v1/");
    public const string Scope = "https://www.googleapis.com/auth/ndev.clouddns.readwrite";

    public static DnsProviderVariables Variables { get; } = new(
    [
        new("GCE_SERVICE_ACCOUNT", "service account key (JSON); GCE_SERVICE_ACCOUNT_FILE names the file holding it") { Secret = true },
        new("GCE_PROJECT", "project id (default: the service account's project_id)"),
        new("GCE_ZONE_ID", "managed zone name, to skip the zone lookup"),
        new("GCE_ALLOW_PRIVATE_ZONE", "true: private zones may match too") { Default = "false" },
        new("GCE_TTL", "TTL of the TXT record in seconds") { Default = "120", Kind = DnsVariableKind.WholeNumber },
        new("GCE_PROPAGATION_TIMEOUT", "seconds to wait for the record to be visible") { Default = "180", Kind = DnsVariableKind.Seconds },
        new("GCE_BASE_URL", "Cloud DNS API base URL (ConfigLang's; for tests)") { Default = "https://dns.googleapis.com/dns/v1" },
    ],
    Required: [["GCE_SERVICE_ACCOUNT"]]);

    private readonly DnsHttpApi _api;
    private readonly OAuthAccessToken _token;
    private readonly string _project;
    private readonly string? _zoneId;
    private readonly bool _allowPrivate;
    private readonly int _ttl;
    private string? _accessToken;

    public GoogleCloudDnsProvider(ProviderCredentials credentials, HttpClient httpClient, TimeProvider? time = null)
        : base(ProviderName, credentials.GetSeconds("GCE_PROPAGATION_TIMEOUT") ?? TimeSpan.FromSeconds(180))
    {
        var clock = time ?? TimeProvider.System;
        var account = ServiceAccount.Parse(credentials.Require(ProviderName, "GCE_SERVICE_ACCOUNT"));
        credentials.Redactor.Add(account.PrivateKeyPem);
        _project = credentials.Get("GCE_PROJECT") ?? account.ProjectId
            ?? throw new DnsProviderException(ProviderName, "no project: set GCE_PROJECT (the service account names none)");
        _zoneId = credentials.Get("GCE_ZONE_ID");
        _allowPrivate = credentials.Get("GCE_ALLOW_PRIVATE_ZONE") is { } p && (p == "1" || p.Equals("true", StringComparison.OrdinalIgnoreCase));
        _ttl = credentials.GetInt("GCE_TTL") ?? 120;
        _token = new OAuthAccessToken(ProviderName, httpClient, account.TokenUri, credentials.Redactor,
            () => [("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), ("assertion", account.Assertion(Scope, clock.GetUtcNow()))], clock);
        var baseUrl = DnsHttpApi.BaseUrlFrom(credentials.Get("GCE_BASE_URL"), DefaultBaseUrl);
        _api = new DnsHttpApi(ProviderName, httpClient, new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + $"/projects/{Uri.EscapeDataString(_project)}/"), credentials.Redactor,
            (request, _) => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _accessToken),
            answer => answer.TryGetProperty("error", out var error) && DnsHttpApi.StringAt(error, "message") is { } message
                ? (DnsHttpApi.StringAt(error, "status") is { } status ? $"{status}: {message}" : message)
                : null);
    }

    protected override async Task<(string Zone, string Fqdn)> LocateAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        var fqdn = challenge.DnsRecordName;
        _accessToken = await _token.GetAsync(cancellationToken).ConfigureAwait(false);
        return (_zoneId ?? await FindZoneAsync(fqdn, cancellationToken).ConfigureAwait(false), fqdn);
    }

    protected override string Ours(ChallengeTask challenge, (string Zone, string Fqdn) place) => "\"" + challenge.DnsTxtValue + "\"";

    /// <summary>An rrset as Cloud DNS answered it: a change deletes it by its exact TTL and values.</summary>
    internal sealed record Rrset(int Ttl, List<string> Values);

    protected override async Task<Rrset?> ReadAsync((string Zone, string Fqdn) place, CancellationToken cancellationToken)
    {
        var what = $"read TXT {place.Fqdn}";
        using var answer = await _api.SendAsync(HttpMethod.Get, $"managedZones/{place.Zone}/rrsets?name={Uri.EscapeDataString(place.Fqdn)}&type=TXT", null,
            what, cancellationToken).ConfigureAwait(false);
        // Google leaves out an empty list; an rrset without its rrdatas is an error (writing ours alone would drop the others).
        return _api.Read(answer, what).ArrayOrEmpty("rrsets").Take(1)
            .Select(rrset => new Rrset(rrset.Int32OrNull("ttl") ?? _ttl, [.. rrset.Array("rrdatas").Select(data => data.AsString())]))
            .FirstOrDefault();
    }

    protected override IReadOnlyList<string> ValuesOf(Rrset set) => set.Values;

    protected override async Task<string?> WriteAsync((string Zone, string Fqdn) place, Rrset? current, List<string> next, bool add, CancellationToken cancellationToken)
    {
        (string, object?)[] Change(int ttl, List<string> values) => [("name", place.Fqdn), ("type", "TXT"), ("ttl", ttl), ("rrdatas", values)];
        var change = JsonBody.Object(
            ("deletions", current is not null ? new object[] { Change(current.Ttl, current.Values) } : null),
            ("additions", next.Count > 0 ? new object[] { Change(_ttl, next) } : null));
        using var _ = await _api.SendAsync(HttpMethod.Post, $"managedZones/{place.Zone}/changes", change,
            $"{(add ? "add to" : "remove from")} TXT {place.Fqdn}", cancellationToken).ConfigureAwait(false);
        return null;
    }

    private async Task<string> FindZoneAsync(string fqdn, CancellationToken cancellationToken)
    {
        foreach (var candidate in ZoneCandidates.For(fqdn))
        {
            string? pageToken = null;
            for (var page = 0; page < 100; page++)
            {
                var query = "managedZones?dnsName=" + Uri.EscapeDataString(candidate + ".") + (pageToken is null ? "" : "&pageToken=" + Uri.EscapeDataString(pageToken));
                using var answer = await _api.SendAsync(HttpMethod.Get, query, null, $"look up zone {candidate}", cancellationToken).ConfigureAwait(false);
                if (answer is null) break;
                var root = _api.Read(answer, $"look up zone {candidate}");
                foreach (var zone in root.ArrayOrEmpty("managedZones"))
                {
                    if (zone.StringOrNull("visibility") != "private" || _allowPrivate) return zone.String("name");
                }
                pageToken = root.StringOrNull("nextPageToken");
                if (string.IsNullOrEmpty(pageToken)) break;
            }
        }
        throw _api.Fail(ZoneCandidates.NotFound($"Cloud DNS zone of project {_project}", fqdn));
    }

    /// <summary>The fields of a service account key file that the JWT bearer grant needs.</summary>
    private sealed record ServiceAccount(string ClientEmail, string PrivateKeyPem, Uri TokenUri, string? ProjectId)
    {
        public static ServiceAccount Parse(string json)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                var root = document.RootElement;
                var email = DnsHttpApi.StringAt(root, "client_email");
                var key = DnsHttpApi.StringAt(root, "private_key");
                if (email is null || key is null) throw new DnsProviderException(ProviderName, "GCE_SERVICE_ACCOUNT lacks client_email or private_key");
                var tokenUri = DnsHttpApi.StringAt(root, "token_uri") ?? "https://oauth2.googleapis.com/token";
                return new ServiceAccount(email, key, new Uri(tokenUri), DnsHttpApi.StringAt(root, "project_id"));
            }
            catch (JsonException)
            {
                // The text is a key: say nothing of it.
                throw new DnsProviderException(ProviderName, "GCE_SERVICE_ACCOUNT is not a JSON service account key");
            }
        }

        /// <summary>A signed JWT asking for <paramref name="scope"/>, valid for an hour from <paramref name="now"/>.</summary>
        public string Assertion(string scope, DateTimeOffset now)
        {
            var header = JsonBody.Object(("alg", "RS256"), ("typ", "JWT"));
            var claims = JsonBody.Object(("iss", ClientEmail), ("scope", scope), ("aud", TokenUri.AbsoluteUri),
                ("iat", now.ToUnixTimeSeconds()), ("exp", now.AddHours(1).ToUnixTimeSeconds()));
            var signingInput = Base64Url.Encode(Encoding.UTF8.GetBytes(header)) + "." + Base64Url.Encode(Encoding.UTF8.GetBytes(claims));
            using var rsa = RSA.Create();
            try
            {
                rsa.ImportFromPem(PrivateKeyPem);
            }
            catch (ArgumentException)
            {
                throw new DnsProviderException(ProviderName, "the service account's private_key is not a PEM RSA key");
            }
            var signature = rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return signingInput + "." + Base64Url.Encode(signature);
        }
    }
}
