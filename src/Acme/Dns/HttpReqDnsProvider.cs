using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Serialization;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// lego's <c>httpreq</c>: POSTs JSON to HTTPREQ_ENDPOINT's path + <c>/present</c> or <c>/cleanup</c>
/// (its query kept, as lego's JoinPath does: <c>https://h/hook?k=v</c> posts to <c>/hook/present?k=v</c>):
/// <c>{"fqdn":"_acme-challenge.DOMAIN.","value":"..."}</c>, or with HTTPREQ_MODE=RAW
/// <c>{"domain":...,"token":...,"keyAuth":...}</c>. HTTPREQ_USERNAME/HTTPREQ_PASSWORD give basic
/// auth; without them, user and password in the endpoint URL do (as Go's HTTP client sends them for
/// lego). The endpoint is requested without them, and printed without them or its query (which
/// may hold a key). Sent through <see cref="DnsHttpApi"/> like the other HTTP providers: a 429 is
/// waited out, and a refusal quotes the endpoint's answer redacted before it is cut short.
/// </summary>
public sealed class HttpReqDnsProvider : IDnsProvider
{
    public const string ProviderName = "httpreq";

    public static DnsProviderVariables Variables { get; } = new(
    [
        new("HTTPREQ_ENDPOINT", "URL receiving POST /present and /cleanup"),
        new("HTTPREQ_MODE", "RAW: send domain, token and keyAuth instead of fqdn and value"),
        new("HTTPREQ_USERNAME", "basic auth user"),
        new("HTTPREQ_PASSWORD", "basic auth password") { Secret = true },
        new("HTTPREQ_PROPAGATION_TIMEOUT", "seconds to wait for the record to be visible") { Kind = DnsVariableKind.Seconds },
    ],
    Required: [["HTTPREQ_ENDPOINT"]]);
    private readonly DnsHttpApi _api;
    private readonly Uri _present;
    private readonly Uri _cleanup;
    private readonly bool _raw;
    private readonly AuthenticationHeaderValue? _authorization;

    public HttpReqDnsProvider(ProviderCredentials credentials, HttpClient httpClient)
    {
        var redactor = credentials.Redactor;
        var endpoint = credentials.Require(ProviderName, "HTTPREQ_ENDPOINT");
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            throw new DnsProviderException(ProviderName, "HTTPREQ_ENDPOINT is not an absolute URL");
        _raw = string.Equals(credentials.Get("HTTPREQ_MODE"), "RAW", StringComparison.OrdinalIgnoreCase);
        var user = credentials.Get("HTTPREQ_USERNAME");
        var password = credentials.Get("HTTPREQ_PASSWORD");
        if ((user is null || password is null) && uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            password = colon < 0 ? "" : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            redactor.Add(password);
        }
        if (user is not null && password is not null)
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
            redactor.Add(basic);
            _authorization = new AuthenticationHeaderValue("Basic", basic);
        }
        _present = ActionUrl(uri, "present");
        _cleanup = ActionUrl(uri, "cleanup");
        // Each request names its whole URL, so the base is only a formality. The endpoint is the
        // user's own: its errors name the URL asked.
        _api = new DnsHttpApi(ProviderName, httpClient, new Uri(_present.GetLeftPart(UriPartial.Authority)), redactor,
            (request, _) => request.Headers.Authorization = _authorization, _ => null, statusErrorsNameUrl: true);
        PropagationTimeout = credentials.GetSeconds("HTTPREQ_PROPAGATION_TIMEOUT");
    }

    public string Name => ProviderName;

    public TimeSpan? PropagationTimeout { get; }

    public Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken) => SendAsync("present", _present, challenge, cancellationToken);

    public Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken) => SendAsync("cleanup", _cleanup, challenge, cancellationToken);

    /// <summary>
    /// <paramref name="action"/> appended to the endpoint's path, its query kept and its user info
    /// left out (sent as basic auth instead).
    /// </summary>
    private static Uri ActionUrl(Uri endpoint, string action)
    {
        var path = endpoint.GetComponents(UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
        return new Uri(endpoint.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) + "/" + (path.Length == 0 ? "" : path + "/") + action + endpoint.Query);
    }

    private async Task SendAsync(string action, Uri url, ChallengeTask challenge, CancellationToken cancellationToken)
    {
        var json = _raw
            ? System.Text.Json.JsonSerializer.Serialize(new RawMessage(challenge.Domain, challenge.Token, challenge.KeyAuthorization), HttpReqJsonContext.Default.RawMessage)
            : System.Text.Json.JsonSerializer.Serialize(new DefaultMessage(challenge.DnsRecordName, challenge.DnsTxtValue), HttpReqJsonContext.Default.DefaultMessage);
        // Any 2xx is done: the endpoint's answer says nothing lego reads either.
        await _api.SendTextAsync(HttpMethod.Post, url.AbsoluteUri, json, $"{action} {challenge.DnsRecordName}", cancellationToken,
            contentType: "application/json").ConfigureAwait(false);
    }

    internal sealed record DefaultMessage([property: JsonPropertyName("fqdn")] string Fqdn, [property: JsonPropertyName("value")] string Value);

    internal sealed record RawMessage([property: JsonPropertyName("domain")] string Domain, [property: JsonPropertyName("token")] string Token, [property: JsonPropertyName("keyAuth")] string KeyAuth);
}

/// <summary>Source-generated JSON for the httpreq messages.</summary>
[JsonSerializable(typeof(HttpReqDnsProvider.DefaultMessage))]
[JsonSerializable(typeof(HttpReqDnsProvider.RawMessage))]
internal sealed partial class HttpReqJsonContext : JsonSerializerContext;
