using System.Text;
using System.Text.Json;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// JSON over HTTP for a DNS provider's REST API, shared by the providers that speak one: sends a
/// request authenticated by the provider, retries a rate-limit answer (429) a bounded number of
/// times after its Retry-After (capped), and turns every failure into a
/// <see cref="DnsProviderException"/> naming the provider with the API's own message, redacted.
/// </summary>
internal sealed class DnsHttpApi
{
    /// <summary>429 answers retried before giving up; with <see cref="MaxRetryWait"/> this bounds a call.</summary>
    public const int MaxRateLimitRetries = 3;

    /// <summary>The longest Retry-After honoured; a longer one is cut to it.</summary>
    public static readonly TimeSpan MaxRetryWait = TimeSpan.FromSeconds(30);

    /// <summary>The wait after a 429 without Retry-After.</summary>
    public static readonly TimeSpan DefaultRetryWait = TimeSpan.FromSeconds(1);

    private readonly string _provider;
    private readonly HttpClient _http;
    private readonly SecretRedactor _redactor;
    private readonly Action<HttpRequestMessage, string?> _authenticate;
    private readonly Func<JsonElement, string?> _describeError;
    private readonly bool _statusErrorsNameUrl;

    /// <param name="baseUrl">Relative paths are resolved against it (a trailing slash is added).</param>
    /// <param name="authenticate">Adds the credentials to a request, given its body (for signatures).</param>
    /// <param name="describeError">The API's message in an error answer's JSON, if it has one (else the answer is quoted).</param>
    /// <param name="statusErrorsNameUrl">
    /// Whether an error answer's message names the request's URL too (an endpoint the user wrote, as
    /// httpreq's); an unreachable one always does.
    /// </param>
    public DnsHttpApi(string provider, HttpClient http, Uri baseUrl, SecretRedactor redactor,
        Action<HttpRequestMessage, string?> authenticate, Func<JsonElement, string?> describeError, bool statusErrorsNameUrl = false)
    {
        _provider = provider;
        _http = http;
        BaseUrl = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/");
        _redactor = redactor;
        _authenticate = authenticate;
        _describeError = describeError;
        _statusErrorsNameUrl = statusErrorsNameUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>Authenticates with <c>Authorization: Bearer TOKEN</c>.</summary>
    public static Action<HttpRequestMessage, string?> Bearer(string token) =>
        (request, _) => request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

    /// <summary>The base URL from <paramref name="configured"/> (a *_BASE_URL variable) or the default.</summary>
    public static Uri BaseUrlFrom(string? configured, Uri fallback) => configured is null ? fallback : new Uri(configured);

    /// <summary>
    /// Sends the request to <paramref name="path"/>, relative to <see cref="BaseUrl"/> (or an
    /// absolute URL); a 2xx answer's JSON (null when empty, except for a GET, whose empty
    /// answer is an error), else an error naming <paramref name="what"/>. With
    /// <paramref name="notFoundIsNull"/>, a 404 is null too.
    /// </summary>
    public async Task<JsonDocument?> SendAsync(HttpMethod method, string path, string? json, string what,
        CancellationToken cancellationToken, bool notFoundIsNull = false, string contentType = "application/json")
    {
        var url = new Uri(BaseUrl, path);
        var (status, text) = await ExchangeWithRetriesAsync(method, url, json, contentType, what, cancellationToken).ConfigureAwait(false);
        if (status == 404 && notFoundIsNull) return null;
        what = Answered(what, url);
        var document = Parse(text);
        if (status is >= 200 and <= 299)
        {
            if (document is null && text.Trim().Length > 0)
                throw Fail($"{what}: HTTP {status}, not a JSON answer");
            // A read answers something: an empty one taken as "nothing there" would let a
            // value-set provider write its value alone over the others (only a 404 is "none").
            if (document is null && method == HttpMethod.Get)
                throw Fail($"{what}: HTTP {status}, empty answer");
            return document;
        }
        string? message = null;
        if (document is not null)
        {
            using (document) message = DescribeError(document.RootElement);
        }
        // An answer in no known shape is quoted, cut short (and redacted like everything).
        message ??= Quote(text);
        throw Fail($"{what}: HTTP {status}{RateLimited(status)}{(string.IsNullOrEmpty(message) ? "" : ": " + message)}");
    }

    /// <summary>For APIs that do not answer JSON (namecheap's XML): a 2xx answer's text, else an error quoting it.</summary>
    public async Task<string> SendTextAsync(HttpMethod method, string path, string? body, string what, CancellationToken cancellationToken,
        string contentType = "application/x-www-form-urlencoded")
    {
        var url = new Uri(BaseUrl, path);
        var (status, text) = await ExchangeWithRetriesAsync(method, url, body, contentType, what, cancellationToken).ConfigureAwait(false);
        if (status is >= 200 and <= 299) return text;
        throw Fail($"{Answered(what, url)}: HTTP {status}{RateLimited(status)}{(text.Trim().Length == 0 ? "" : ": " + Quote(text))}");
    }

    /// <summary>What an answer's error says it was the answer to: <paramref name="what"/>, and the URL where the provider wants it.</summary>
    private string Answered(string what, Uri url) => _statusErrorsNameUrl ? $"{what}: {Printable(url)}" : what;

    /// <summary>The URL without its query, which may carry a token (duckdns's) in a form the redactor does not know.</summary>
    private static string Printable(Uri url) => url.GetLeftPart(UriPartial.Path);

    private static string RateLimited(int status) => status == 429 ? $" (rate limited, still after {MaxRateLimitRetries} retries)" : "";

    private string Quote(string text) => RedactedExcerpt.Head(_redactor, text.Trim(), RedactedExcerpt.AnswerLength);

    /// <summary>
    /// The API's message in an error answer, bounded; null when the answer is not in the error shape
    /// the provider knows (its describer may meet a list or a number where it reads an object).
    /// </summary>
    private string? DescribeError(JsonElement answer)
    {
        string? message;
        try
        {
            message = _describeError(answer);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        return message is null ? null : Quote(message);
    }

    /// <summary>The exchange, repeated after a 429 at most <see cref="MaxRateLimitRetries"/> times, each wait capped.</summary>
    private async Task<(int Status, string Text)> ExchangeWithRetriesAsync(HttpMethod method, Uri url, string? body, string contentType, string what,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (status, retryAfter, text) = await ExchangeAsync(method, url, body, contentType, what, cancellationToken).ConfigureAwait(false);
            if (status != 429 || attempt >= MaxRateLimitRetries) return (status, text);
            var wait = retryAfter ?? DefaultRetryWait;
            await Task.Delay(wait > MaxRetryWait ? MaxRetryWait : wait, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The answer to <paramref name="what"/> to read by its expected shape; a wrong shape is this provider's error.</summary>
    public JsonAnswer Read(JsonDocument? document, string what, bool quoted = true) => JsonAnswer.Of(_provider, _redactor, document, what, quoted);

    /// <summary>A provider error with <paramref name="message"/> redacted.</summary>
    public DnsProviderException Fail(string message) => new(_provider, _redactor.Redact(message));

    private async Task<(int Status, TimeSpan? RetryAfter, string Text)> ExchangeAsync(HttpMethod method, Uri url, string? body,
        string contentType, string what, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType);
        request.Headers.Accept.ParseAdd("application/json");
        _authenticate(request, body);
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var retryAfter = Protocol.RetryAfter.From(response.Headers, TimeProvider.System);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return ((int)response.StatusCode, retryAfter, text);
        }
        catch (HttpRequestException e)
        {
            throw Fail($"{what}: {Printable(url)} unreachable: {e.Message}");
        }
        catch (Protocol.NetworkTimeoutException e)
        {
            // Its own message names the URL with its query, which may hold a key (an httpreq endpoint's).
            throw Fail($"{what}: no answer from {Printable(url)} within {Protocol.NetworkTimeout.Format(e.Timeout)}");
        }
    }

    private static JsonDocument? Parse(string text)
    {
        if (text.Trim().Length == 0) return null;
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The string at <paramref name="name"/> of an object, if there is one.</summary>
    public static string? StringAt(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
