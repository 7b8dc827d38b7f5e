using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Protocol;

/// <summary>
/// Bounds each HTTP exchange, connection and whole body included, by <see cref="NetworkDeadline"/>:
/// HttpClient's own timeout would surface as a bare cancellation that names no server.
/// </summary>
internal sealed class ResponseTimeoutHandler(HttpMessageHandler inner, TimeSpan timeout) : DelegatingHandler(inner)
{
    /// <summary>Far above any ACME or DNS API answer (a certificate chain is a few KB); a hostile server cannot fill memory.</summary>
    private const long MaxResponseBytes = 16 * 1024 * 1024;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        NetworkDeadline.RunAsync(SecretRedactor.RedactUrl(request.RequestUri), timeout, async deadline =>
        {
            var response = await base.SendAsync(request, deadline).ConfigureAwait(false);
            try
            {
                await response.Content.LoadIntoBufferAsync(MaxResponseBytes, deadline).ConfigureAwait(false);
                return response;
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }, cancellationToken);
}
