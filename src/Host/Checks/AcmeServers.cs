namespace ConfigLang.Host.Checks;

/// <summary>
/// Which CA a certificate's <c>server</c> (ACME directory URL) names. A null server means lego's
/// default, Let's Encrypt production, as does the option's own default.
/// </summary>
public static class AcmeServers
{
    public const string LetsEncryptProduction = ConfigLang.Acme.Model.CertificateRequest.DefaultServer;
    public const string LetsEncryptStaging = "https://acme-staging-v02.api.letsencrypt.org/directory";

    // Hosts of CAs whose certificates browsers trust (or their staging twins); they validate
    // names on the public DNS, so single-label names are refused.
    private static readonly string[] PublicCaHosts =
        ["letsencrypt.org", "zerossl.com", "buypass.com", "pki.goog", "ssl.com", "sectigo.com", "digicert.com", "actalis.it"];

    public static bool IsLetsEncryptProduction(string? server) =>
        server is null || Host(server) is "acme-v02.api.letsencrypt.org" or "acme-v01.api.letsencrypt.org";

    public static bool IsLetsEncryptStaging(string? server) =>
        server is not null && Host(server) is "acme-staging-v02.api.letsencrypt.org" or "acme-staging.api.letsencrypt.org";

    public static bool IsPublicCa(string? server) =>
        server is null || (Host(server) is { } host && PublicCaHosts.Any(h => host == h || host.EndsWith("." + h, StringComparison.Ordinal)));

    private static string? Host(string server) =>
        Uri.TryCreate(server.Trim(), UriKind.Absolute, out var uri) ? uri.Host.ToLowerInvariant() : null;
}
