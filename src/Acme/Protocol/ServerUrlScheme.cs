namespace ConfigLang.Acme.Protocol;

/// <summary>
/// Which URLs from an ACME server's answers the client follows. RFC 8555 §6.1 requires HTTPS for
/// every ACME request, so from an https directory only https URLs are followed: an http one would
/// send the account's signed requests and fetch the certificate in clear (and reach plain-HTTP
/// endpoints such as a cloud's 169.254.169.254 metadata service), and other schemes (file:) are
/// never followed. A directory configured as http (a local test CA) keeps http. The host may
/// differ: RFC 8555 lets a server name resources on other hosts. A relative URL in a JSON answer
/// has no base RFC 8555 defines, and is refused too.
/// </summary>
internal static class ServerUrlScheme
{
    public static void Check(Uri url, Uri directoryUrl)
    {
        if (url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && directoryUrl.Scheme == Uri.UriSchemeHttp)))
            return;
        // The URL is the server's text: quoted bounded, on one line, control characters shown.
        var quoted = ServerText.Quote(url.OriginalString, ServerText.FieldLength);
        if (!url.IsAbsoluteUri)
            throw new AcmeException($"the ACME server at {directoryUrl} sent the URL '{quoted}', which is not absolute");
        throw new AcmeException(directoryUrl.Scheme == Uri.UriSchemeHttps
            ? $"the ACME server at {directoryUrl} sent the URL '{quoted}': only https URLs are followed (RFC 8555 section 6.1)"
            : $"the ACME server at {directoryUrl} sent the URL '{quoted}': only http and https URLs are followed");
    }
}
