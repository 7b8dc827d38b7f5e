using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// lego's <c>route53</c>, over the Route 53 REST API (2013-04-01, XML, SigV4 for service
/// <c>route53</c> in us-east-1): the public hosted zone from <c>GET /hostedzonesbyname</c> (pages
/// followed while they list the name; AWS_HOSTED_ZONE_ID skips it), the TXT set read with
/// <c>GET /hostedzone/{id}/rrset</c> and written whole with <c>POST /hostedzone/{id}/rrset</c>
/// (UPSERT keeping the values already there, since a wildcard and its base name share it; DELETE
/// of the exact set when our value was the last), then <c>GET /change/{id}</c> until INSYNC.
/// Throttling answers are retried with backoff. Static keys only (no profiles or instance roles).
/// </summary>
internal sealed class Route53DnsProvider : ValueSetDnsProvider<Route53DnsProvider.Edit, Route53DnsProvider.TxtSet, string>
{
    public const string ProviderName = "route53";
    public static readonly Uri DefaultEndpoint = new("https://route53.amazonaws.com/");
    private const string Api = "2013-04-01";
    private static readonly XNamespace Ns = "https://route53.amazonaws.com/doc/2013-04-01/";

    public static DnsProviderVariables Variables { get; } = new(
    [
        new("AWS_ACCESS_KEY_ID", "access key id"),
        new("AWS_SECRET_ACCESS_KEY", "secret access key") { Secret = true },
        new("AWS_SESSION_TOKEN", "session token, with temporary credentials") { Secret = true },
        new("AWS_HOSTED_ZONE_ID", "the hosted zone to change, skipping the lookup by name"),
        new("AWS_PRIVATE_ZONE", "true: look up private hosted zones instead of public ones") { Default = "false" },
        new("AWS_TTL", "TTL of the TXT record in seconds") { Default = "10", Kind = DnsVariableKind.WholeNumber },
        new("AWS_PROPAGATION_TIMEOUT", "seconds to wait for the change to be INSYNC and the record visible") { Default = "120", Kind = DnsVariableKind.Seconds },
        new("AWS_POLLING_INTERVAL", "seconds between change status checks") { Default = "4", Kind = DnsVariableKind.Seconds },
        new("AWS_MAX_RETRIES", "retries of a throttled request") { Default = "5", Kind = DnsVariableKind.WholeNumber },
        new("AWS_WAIT_FOR_RECORD_SETS_CHANGED", "false: do not wait for INSYNC") { Default = "true" },
        new("AWS_ENDPOINT_URL_ROUTE_53", "API endpoint (the AWS SDKs' name; for tests and proxies)") { Aliases = ["AWS_ENDPOINT_URL"], Default = "https://route53.amazonaws.com" },
    ],
    Required: [["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]]);

    private const int MaxQuotedMessage = 300;

    private readonly HttpClient _http;
    private readonly SecretRedactor _redactor;
    private readonly AwsCredentials _credentials;
    private readonly Uri _endpoint;
    private readonly string? _zoneId;
    private readonly bool _privateZone;
    private readonly int _ttl;
    private readonly int _maxRetries;
    private readonly bool _waitForSync;
    private readonly TimeSpan _pollingInterval;
    private readonly TimeProvider _clock;

    public Route53DnsProvider(ProviderCredentials credentials, HttpClient httpClient, TimeProvider? clock = null)
        : base(ProviderName, credentials.GetSeconds("AWS_PROPAGATION_TIMEOUT"))
    {
        _http = httpClient;
        _clock = clock ?? TimeProvider.System;
        _redactor = credentials.Redactor;
        _credentials = new AwsCredentials(
            credentials.Require(ProviderName, "AWS_ACCESS_KEY_ID"),
            credentials.Require(ProviderName, "AWS_SECRET_ACCESS_KEY"),
            credentials.Get("AWS_SESSION_TOKEN"));
        var endpoint = credentials.Get("AWS_ENDPOINT_URL_ROUTE_53", "AWS_ENDPOINT_URL");
        _endpoint = endpoint is null ? DefaultEndpoint
            : Uri.TryCreate(endpoint.TrimEnd('/') + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
            : throw new DnsProviderException(ProviderName, _redactor.Redact($"AWS_ENDPOINT_URL_ROUTE_53 is not an http(s) URL: {endpoint}"));
        _zoneId = credentials.Get("AWS_HOSTED_ZONE_ID") is { } id ? id.Replace("/hostedzone/", "", StringComparison.Ordinal) : null;
        _privateZone = IsTrue(credentials.Get("AWS_PRIVATE_ZONE"));
        _ttl = credentials.GetInt("AWS_TTL") ?? 10;
        _maxRetries = Math.Clamp(credentials.GetInt("AWS_MAX_RETRIES") ?? 5, 0, 20);
        _waitForSync = credentials.Get("AWS_WAIT_FOR_RECORD_SETS_CHANGED") is not { } wait || IsTrue(wait);
        _pollingInterval = credentials.GetSeconds("AWS_POLLING_INTERVAL") ?? TimeSpan.FromSeconds(4);
    }

    /// <summary>Where one edit of a name's TXT set goes: its hosted zone, and the name with its final dot, as Route 53 keeps it.</summary>
    internal sealed record Edit(string Zone, string Fqdn);

    /// <summary>The TXT values of a name (quoted, as Route 53 keeps them; none when it has no set) and the set's TTL.</summary>
    internal sealed record TxtSet(List<string> Values, int? Ttl);

    protected override async Task<Edit> LocateAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        var fqdn = challenge.DnsRecordName.TrimEnd('.') + ".";
        return new Edit(_zoneId ?? await FindZoneAsync(fqdn, cancellationToken).ConfigureAwait(false), fqdn);
    }

    protected override string Ours(ChallengeTask challenge, Edit edit) => "\"" + challenge.DnsTxtValue + "\"";

    protected override async Task<TxtSet?> ReadAsync(Edit edit, CancellationToken cancellationToken)
    {
        var (values, ttl) = await ReadTxtAsync(edit.Zone, edit.Fqdn, cancellationToken).ConfigureAwait(false);
        return new TxtSet(values, ttl);
    }

    protected override IReadOnlyList<string> ValuesOf(TxtSet set) => set.Values;

    /// <returns>The change to wait for (its id), when Route 53 answered one.</returns>
    protected override async Task<string?> WriteAsync(Edit edit, TxtSet? current, List<string> next, bool add, CancellationToken cancellationToken)
    {
        var ttl = current?.Ttl;
        // DELETE names the exact set there now.
        var body = add
            ? ChangeBatch("UPSERT", edit.Fqdn, next, _ttl)
            : next.Count == 0
                ? ChangeBatch("DELETE", edit.Fqdn, current!.Values, ttl ?? _ttl)
                : ChangeBatch("UPSERT", edit.Fqdn, next, ttl ?? _ttl);
        var answer = await SendAsync(HttpMethod.Post, $"{Api}/hostedzone/{edit.Zone}/rrset", body, $"{(add ? "add" : "remove")} TXT value on {edit.Fqdn.TrimEnd('.')}",
            cancellationToken).ConfigureAwait(false);
        return answer.Descendants(Ns + "ChangeInfo").Elements(Ns + "Id").FirstOrDefault()?.Value;
    }

    // Outside the lock: other names' edits need not wait for this one to be in sync.
    protected override async Task WrittenAsync(Edit edit, string? change, CancellationToken cancellationToken)
    {
        if (_waitForSync && change is not null) await WaitInSyncAsync(change, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The public (or, with AWS_PRIVATE_ZONE, private) hosted zone named by the closest parent of the record.</summary>
    private async Task<string> FindZoneAsync(string fqdn, CancellationToken cancellationToken)
    {
        foreach (var candidate in ZoneCandidates.For(fqdn))
        {
            var name = candidate + ".";
            string? zoneId = null;
            var query = $"dnsname={Uri.EscapeDataString(name)}&maxitems=100";
            // Zones come sorted by name; pages go on while they still list this name.
            for (var page = 0; page < 100; page++)
            {
                var list = await SendAsync(HttpMethod.Get, $"{Api}/hostedzonesbyname?{query}", null, $"look up hosted zone {candidate}", cancellationToken).ConfigureAwait(false);
                var zones = list.Descendants(Ns + "HostedZone").ToList();
                foreach (var zone in zones.Where(z => string.Equals(z.Element(Ns + "Name")?.Value, name, StringComparison.OrdinalIgnoreCase)))
                {
                    var isPrivate = string.Equals(zone.Element(Ns + "Config")?.Element(Ns + "PrivateZone")?.Value, "true", StringComparison.OrdinalIgnoreCase);
                    if (isPrivate == _privateZone) zoneId ??= zone.Element(Ns + "Id")?.Value.Replace("/hostedzone/", "", StringComparison.Ordinal);
                }
                var truncated = string.Equals(list.Root?.Element(Ns + "IsTruncated")?.Value, "true", StringComparison.OrdinalIgnoreCase);
                var nextName = list.Root?.Element(Ns + "NextDNSName")?.Value;
                var nextId = list.Root?.Element(Ns + "NextHostedZoneId")?.Value;
                if (zoneId is not null || !truncated || nextName is null || nextId is null || !string.Equals(nextName, name, StringComparison.OrdinalIgnoreCase)) break;
                query = $"dnsname={Uri.EscapeDataString(nextName)}&hostedzoneid={Uri.EscapeDataString(nextId)}&maxitems=100";
            }
            if (zoneId is not null) return zoneId;
        }
        throw new DnsProviderException(ProviderName,
            $"no {(_privateZone ? "private" : "public")} Route 53 hosted zone found for {fqdn.TrimEnd('.')} (tried {string.Join(", ", ZoneCandidates.For(fqdn))}); set AWS_HOSTED_ZONE_ID to name it");
    }

    /// <summary>The TXT values (quoted, as Route 53 keeps them) and TTL the name has now.</summary>
    private async Task<(List<string> Values, int? Ttl)> ReadTxtAsync(string zone, string fqdn, CancellationToken cancellationToken)
    {
        var what = $"read TXT {fqdn.TrimEnd('.')}";
        var list = await SendAsync(HttpMethod.Get, $"{Api}/hostedzone/{zone}/rrset?name={Uri.EscapeDataString(fqdn)}&type=TXT&maxitems=1", null,
            what, cancellationToken).ConfigureAwait(false);
        // Without the list, "no values" would write ours alone over the others.
        var sets = list.Root?.Element(Ns + "ResourceRecordSets")
            ?? throw new DnsProviderException(ProviderName, $"{what}: answer without ResourceRecordSets");
        // A set or record missing its name, type or value must not read as "not ours" or "no
        // value": our write would replace the values another challenge keeps on the name.
        var listed = sets.Elements(Ns + "ResourceRecordSet").ToList();
        if (listed.Any(s => s.Element(Ns + "Name") is null || s.Element(Ns + "Type") is null))
            throw new DnsProviderException(ProviderName, $"{what}: answer with a ResourceRecordSet without Name or Type");
        // The list starts at the name; the first set is another name's when this one has none.
        var set = listed.FirstOrDefault(s =>
            string.Equals(s.Element(Ns + "Name")!.Value, fqdn, StringComparison.OrdinalIgnoreCase) && s.Element(Ns + "Type")!.Value == "TXT");
        if (set is null) return ([], null);
        var records = set.Element(Ns + "ResourceRecords")?.Elements(Ns + "ResourceRecord").ToList();
        if (records is null or [] || records.Any(r => r.Element(Ns + "Value") is null))
            throw new DnsProviderException(ProviderName, $"{what}: answer with a TXT set without ResourceRecords or a Value");
        var ttl = int.TryParse(set.Element(Ns + "TTL")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : (int?)null;
        return (records.Select(r => r.Element(Ns + "Value")!.Value).ToList(), ttl);
    }

    private TimeSpan InSyncTimeout => PropagationTimeout ?? TimeSpan.FromSeconds(120);

    public override TimeSpan OwnWait => _waitForSync ? InSyncTimeout : TimeSpan.Zero;

    private async Task WaitInSyncAsync(string change, CancellationToken cancellationToken)
    {
        var id = change.Replace("/change/", "", StringComparison.Ordinal);
        var limit = InSyncTimeout;
        var started = _clock.GetTimestamp();
        while (true)
        {
            var status = await SendAsync(HttpMethod.Get, $"{Api}/change/{id}", null, $"check change {id}", cancellationToken).ConfigureAwait(false);
            var state = status.Descendants(Ns + "Status").FirstOrDefault()?.Value;
            if (state == "INSYNC") return;
            if (_clock.GetElapsedTime(started) + _pollingInterval > limit)
                throw new DnsProviderException(ProviderName, $"change {id} still {state ?? "unknown"} after {limit.TotalSeconds:0} s (AWS_PROPAGATION_TIMEOUT)");
            await Task.Delay(_pollingInterval, _clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A ChangeResourceRecordSetsRequest with one change of the name's whole TXT set.</summary>
    private static string ChangeBatch(string action, string fqdn, IReadOnlyList<string> values, int ttl) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" +
        new XElement(Ns + "ChangeResourceRecordSetsRequest",
            new XElement(Ns + "ChangeBatch",
                new XElement(Ns + "Comment", "ACME DNS-01 challenge (ConfigLang)"),
                new XElement(Ns + "Changes",
                    new XElement(Ns + "Change",
                        new XElement(Ns + "Action", action),
                        new XElement(Ns + "ResourceRecordSet",
                            new XElement(Ns + "Name", fqdn),
                            new XElement(Ns + "Type", "TXT"),
                            new XElement(Ns + "TTL", ttl.ToString(CultureInfo.InvariantCulture)),
                            new XElement(Ns + "ResourceRecords", values.Select(v => new XElement(Ns + "ResourceRecord", new XElement(Ns + "Value", v)))))))))
            .ToString(SaveOptions.DisableFormatting);

    /// <summary>Sends one signed request (throttling retried with backoff); the XML answer, or an error with AWS's code and message.</summary>
    private async Task<XDocument> SendAsync(HttpMethod method, string path, string? xml, string what, CancellationToken cancellationToken)
    {
        var payload = xml is null ? [] : Encoding.UTF8.GetBytes(xml);
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, new Uri(_endpoint, path));
            if (xml is not null)
            {
                request.Content = new ByteArrayContent(payload);
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/xml");
            }
            AwsSigV4.Sign(request, payload, _credentials, "us-east-1", "route53", _clock.GetUtcNow());
            string text;
            int status;
            try
            {
                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                status = (int)response.StatusCode;
                text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw new DnsProviderException(ProviderName, _redactor.Redact($"{what}: {_endpoint} unreachable: {e.Message}"));
            }
            catch (Protocol.NetworkTimeoutException e)
            {
                throw new DnsProviderException(ProviderName, _redactor.Redact($"{what}: {e.Message}"));
            }
            XDocument? document = null;
            try
            {
                if (text.Length > 0) document = XmlAnswer.Parse(text);
            }
            catch (XmlException)
            {
                // Nothing of it is used (a DTD's entities are never expanded): the status decides, an
                // HTML 5xx page (which declares a DOCTYPE) being retried like any other 5xx.
            }
            if (status is >= 200 and <= 299)
            {
                return document ?? throw new DnsProviderException(ProviderName,
                    $"{what}: HTTP {status}, {XmlAnswer.Describe(text)}: {RedactedExcerpt.Head(_redactor, text, RedactedExcerpt.AnswerLength)}");
            }
            var code = document?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
            var message = document?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;
            if ((status == 429 || code is "Throttling" or "ThrottlingException" or "PriorRequestNotComplete" || status >= 500) && attempt < _maxRetries)
            {
                // Route 53 allows five requests a second per account: back off, 0.2 s doubling to 3.2 s.
                await Task.Delay(TimeSpan.FromMilliseconds(200 << Math.Min(attempt, 4)), _clock, cancellationToken).ConfigureAwait(false);
                continue;
            }
            var detail = code is null ? "" : ": " + RedactedExcerpt.Head(_redactor, message is null ? code : code + " " + message, MaxQuotedMessage);
            var hint = code is "InvalidClientTokenId" or "SignatureDoesNotMatch" or "AccessDenied" or "UnrecognizedClientException"
                ? " (check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)" : "";
            throw new DnsProviderException(ProviderName, _redactor.Redact($"{what}: HTTP {status}{detail}{hint}"));
        }
    }

    private static bool IsTrue(string? value) => value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));
}
