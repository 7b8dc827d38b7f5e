using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace ConfigLang.Acme.Protocol;

/// <summary>
/// Builds every HttpClient this library uses, for the ACME server and the DNS providers' APIs alike,
/// so each request has the same connect and response timeout (<see cref="NetworkTimeout"/>). An
/// extra trusted CA (e.g. the one signing pebble's HTTPS endpoint) is trusted for this handler
/// only, never added to the system store.
/// </summary>
public static class AcmeHttp
{
    /// <param name="timeout">Connect and whole-answer limit per request (default <see cref="NetworkTimeout.Default"/>).</param>
    /// <param name="sameOriginRedirectsOnly">
    /// Follow redirects only to the request's own origin (<see cref="SameOriginRedirectHandler"/>):
    /// for APIs whose credentials .NET would carry along to another server.
    /// </param>
    public static HttpClient CreateClient(X509Certificate2? extraTrustedCa = null, TimeSpan? timeout = null, bool sameOriginRedirectsOnly = false)
    {
        var limit = timeout ?? NetworkTimeout.Default;
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 16,
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            ConnectTimeout = limit,
            // No request needs cookies (INWX's session cookie is sent by hand), and none may leak between servers.
            UseCookies = false,
            AllowAutoRedirect = !sameOriginRedirectsOnly,
        };
        if (extraTrustedCa is not null) TrustExtraCa(handler.SslOptions, extraTrustedCa);
        // The handler enforces the limit and names the server; HttpClient's own timeout would race it
        // and surface as a bare cancellation.
        HttpMessageHandler redirecting = sameOriginRedirectsOnly ? new SameOriginRedirectHandler(handler) : handler;
        var client = new HttpClient(new ResponseTimeoutHandler(redirecting, limit)) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("ConfigLang-ACME/1.0");
        return client;
    }

    /// <summary>
    /// Makes <paramref name="options"/> trust <paramref name="ca"/> for this connection only (never
    /// the system store). Exactly this CA is tried first: building against the whole system store
    /// costs about a second on the first connection. Servers with a public certificate still pass,
    /// through the system check in the callback.
    /// </summary>
    public static void TrustExtraCa(SslClientAuthenticationOptions options, X509Certificate2 ca)
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
            DisableCertificateDownloads = true,
        };
        policy.CustomTrustStore.Add(ca);
        options.CertificateChainPolicy = policy;
        options.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            errors == SslPolicyErrors.None || ValidateWithSystemRoots(certificate as X509Certificate2, errors);
    }

    /// <summary>Reads the CA from a PEM file (first certificate).</summary>
    public static X509Certificate2 LoadCa(string pemPath) => X509Certificate2.CreateFromPem(File.ReadAllText(pemPath));

    private static bool ValidateWithSystemRoots(X509Certificate2? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
