using System.Net;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Protocol;

/// <summary>
/// Follows redirects only within the origin (scheme, host, port) the request was sent to, for the
/// DNS providers' APIs. Their credentials travel in headers .NET keeps on a redirect (X-API-Key,
/// X-Auth-Key, X-Api-Key, X-Amz-Security-Token, a session cookie) or in the body a 307 sends again
/// (porkbun's keys): a redirect to another server, such as an auth proxy's login page, would hand
/// them to it. Such a redirect fails naming where it leads, so the user can configure that URL.
/// </summary>
internal sealed class SameOriginRedirectHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    /// <summary>Redirects followed for one request, as a browser would give up on a loop.</summary>
    public const int MaxRedirects = 5;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var origin = Origin(request.RequestUri!);
        var current = request;
        for (var redirects = 0; ; redirects++)
        {
            var response = await base.SendAsync(current, cancellationToken).ConfigureAwait(false);
            if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location) return response;
            response.Dispose();
            var target = location.IsAbsoluteUri ? location : new Uri(current.RequestUri!, location);
            if (Origin(target) != origin)
            {
                throw new HttpRequestException(
                    $"it redirects to {SecretRedactor.RedactUrlCredentials(Origin(target))}, which is not followed: the request's credentials would go there too (configure that URL if it is the API's)");
            }
            if (redirects == MaxRedirects) throw new HttpRequestException($"it redirects more than {MaxRedirects} times");
            current = Redirected(current, target, response.StatusCode);
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static string Origin(Uri url) => url.IsAbsoluteUri ? url.GetLeftPart(UriPartial.Authority) : url.OriginalString;

    /// <summary>
    /// The request sent again to <paramref name="target"/>: 307 and 308 keep method and body; 301
    /// and 302 turn a POST into a GET, 303 anything but HEAD (as browsers and .NET do).
    /// </summary>
    private static HttpRequestMessage Redirected(HttpRequestMessage previous, Uri target, HttpStatusCode status)
    {
        var keep = status is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect
                   || (status is not HttpStatusCode.SeeOther && previous.Method != HttpMethod.Post)
                   || previous.Method == HttpMethod.Head;
        var next = new HttpRequestMessage(keep ? previous.Method : HttpMethod.Get, target) { Version = previous.Version };
        foreach (var (name, values) in previous.Headers) next.Headers.TryAddWithoutValidation(name, values);
        if (keep) next.Content = previous.Content;
        return next;
    }
}
