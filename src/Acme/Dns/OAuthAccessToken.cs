using System.Text.Json;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// An OAuth 2.0 access token from a token endpoint (form POST, answer
/// <c>{"access_token","expires_in"}</c>, errors <c>{"error","error_description"}</c>), kept until a
/// minute before it expires. The token is registered with the redactor: it is a secret too. Used by
/// gcloud (JWT bearer grant) and azuredns (client credentials).
/// </summary>
internal sealed class OAuthAccessToken
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    private readonly DnsHttpApi _endpoint;
    private readonly SecretRedactor _redactor;
    private readonly Func<IReadOnlyList<(string Name, string Value)>> _form;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private (string Token, DateTimeOffset Expires)? _current;

    /// <param name="form">The form fields, built anew for each request (a signed JWT carries the time).</param>
    public OAuthAccessToken(string provider, HttpClient http, Uri tokenUrl, SecretRedactor redactor,
        Func<IReadOnlyList<(string Name, string Value)>> form, TimeProvider? time = null)
    {
        // The token endpoint is the whole URL: the request path is empty.
        _endpoint = new DnsHttpApi(provider, http, tokenUrl, redactor, (_, _) => { },
            error => DnsHttpApi.StringAt(error, "error") is { } code ? $"{code}: {DnsHttpApi.StringAt(error, "error_description")}" : null);
        TokenUrl = tokenUrl;
        _redactor = redactor;
        _form = form;
        _time = time ?? TimeProvider.System;
    }

    public Uri TokenUrl { get; }

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        await _fetching.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is { } current && current.Expires - Margin > _time.GetUtcNow()) return current.Token;
            var body = string.Join('&', _form().Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value)));
            using var answer = await _endpoint.SendAsync(HttpMethod.Post, TokenUrl.AbsoluteUri, body, "get an access token", cancellationToken,
                contentType: "application/x-www-form-urlencoded").ConfigureAwait(false);
            // Not quoted: the answer holds the token, and maybe others the redactor does not know.
            var root = _endpoint.Read(answer, "get an access token", quoted: false);
            var token = root.String("access_token");
            if (token.Length == 0) throw root.Fail("answer's access_token is empty");
            _redactor.Add(token);
            // A number, or a string in some endpoints' older versions.
            var lifetime = root.MemberOrNull("expires_in") is not { } expires ? 3600
                : expires.Element.ValueKind == JsonValueKind.String
                    ? (int.TryParse(expires.AsString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                        ? seconds : throw root.Fail("answer's expires_in is not a number of seconds"))
                    : expires.AsInt32();
            _current = (token, _time.GetUtcNow().AddSeconds(lifetime));
            return token;
        }
        finally
        {
            _fetching.Release();
        }
    }
}
