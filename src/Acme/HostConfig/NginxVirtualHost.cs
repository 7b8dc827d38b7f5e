namespace ConfigLang.Acme.HostConfig;

/// <summary>
/// One resolved <c>services.nginx.virtualHosts.&lt;n&gt;</c>: names, listeners, TLS mode, the
/// certificate directory it serves from (ACME or not), the challenge webroot, and its locations.
/// </summary>
public sealed record NginxVirtualHost
{
    /// <summary><c>serverName</c> then <c>serverAliases</c>.</summary>
    public required IReadOnlyList<string> ServerNames { get; init; }

    /// <summary>Plain-HTTP listeners (used by None, AddSsl and the ForceSsl redirect server).</summary>
    public IReadOnlyList<NginxListen> HttpListen { get; init; } = [new(null, 80, false)];

    /// <summary>TLS listeners (used by AddSsl, OnlySsl and ForceSsl).</summary>
    public IReadOnlyList<NginxListen> HttpsListen { get; init; } = [new(null, 443, true)];

    /// <summary>The TLS mode.</summary>
    public NginxTlsMode Tls { get; init; }

    /// <summary><c>ssl_certificate</c>, e.g. <c>/var/lib/acme/&lt;cert&gt;/fullchain.pem</c>.</summary>
    public string? SslCertificate { get; init; }

    /// <summary><c>ssl_certificate_key</c>, e.g. <c>/var/lib/acme/&lt;cert&gt;/key.pem</c>.</summary>
    public string? SslCertificateKey { get; init; }

    /// <summary><c>ssl_trusted_certificate</c> (<c>chain.pem</c> under ACME).</summary>
    public string? SslTrustedCertificate { get; init; }

    /// <summary>
    /// The ACME challenge root (<c>acmeRoot</c>); when set, the challenge location is emitted in the
    /// main server and in the forceSSL redirect server (fact sheet §4.3). Null for DNS-01 or no ACME.
    /// </summary>
    public string? AcmeRoot { get; init; }

    /// <summary>The server's own <c>root</c>, if any.</summary>
    public string? Root { get; init; }

    /// <summary>The <c>location</c> blocks.</summary>
    public IReadOnlyList<NginxLocation> Locations { get; init; } = [];

    /// <summary>Lines copied into the main server block.</summary>
    public string ExtraConfig { get; init; } = "";

    /// <summary>The redirect status of forceSSL (<c>redirectCode</c>).</summary>
    public int RedirectCode { get; init; } = 301;

    /// <summary>
    /// Builds the TLS paths of a vhost that uses an ACME certificate (enableACME/useACMEHost):
    /// <c>fullchain.pem</c>, <c>key.pem</c> and <c>chain.pem</c> in <paramref name="certificateDirectory"/>.
    /// </summary>
    public NginxVirtualHost WithAcmeCertificate(string certificateDirectory) => this with
    {
        SslCertificate = certificateDirectory.TrimEnd('/') + "/fullchain.pem",
        SslCertificateKey = certificateDirectory.TrimEnd('/') + "/key.pem",
        SslTrustedCertificate = SslTrustedCertificate ?? certificateDirectory.TrimEnd('/') + "/chain.pem",
    };
}
