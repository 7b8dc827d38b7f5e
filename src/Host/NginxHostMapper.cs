using ConfigLang.Acme.HostConfig;
using ConfigLang.Modules.Resolved;

namespace ConfigLang.Host;

/// <summary>The resolved <c>services.nginx</c>: whether it is enabled and its virtual hosts.</summary>
public sealed record NginxHost(bool Enabled, IReadOnlyList<NginxVirtualHost> Hosts);

/// <summary>
/// Maps the resolved <c>services.nginx.virtualHosts</c> to <see cref="NginxVirtualHost"/>s:
/// names, TLS mode, the certificate directory of <c>useACMEHost</c>/<c>enableACME</c>,
/// <c>acmeRoot</c> for certificates not validated over DNS, and locations.
/// </summary>
public static class NginxHostMapper
{
    /// <param name="certs">The certificates as <see cref="HostFacts.Read"/> projected them (the one read of <c>security.acme.certs</c>).</param>
    public static NginxHost Map(HostConfiguration config, IReadOnlyList<CertFacts> certs)
    {
        var nginx = config.Get("services.nginx");
        var byName = certs.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var hosts = nginx["virtualHosts"].Attributes.Select(v => ToHost(v, byName)).ToList();
        return new NginxHost(nginx["enable"].Bool, hosts);
    }

    private static NginxVirtualHost ToHost(ConfiguredValue v, IReadOnlyDictionary<string, CertFacts> certs)
    {
        var name = v.Path[^1];
        var tls = Flag(v, "forceSSL") ? NginxTlsMode.ForceSsl : Flag(v, "onlySSL") ? NginxTlsMode.OnlySsl : Flag(v, "addSSL") ? NginxTlsMode.AddSsl : NginxTlsMode.None;
        var certName = v.Get("useACMEHost")?.String ?? (Flag(v, "enableACME") ? name : null);
        var cert = certName is null ? null : certs.GetValueOrDefault(certName);
        // A certificate the host does not declare is UnknownAcmeHostCheck's finding; its directory is still the usual one.
        var certDirectory = cert?.Directory ?? (certName is null ? null : "/var/lib/acme/" + certName);
        var acmeRoot = certDirectory is not null && cert?.DnsProvider is null ? v["acmeRoot"].String : null;
        var host = new NginxVirtualHost
        {
            ServerNames = [v["serverName"].String ?? name, .. v["serverAliases"].Strings],
            Tls = tls,
            AcmeRoot = acmeRoot,
            Root = v["root"].String,
            ExtraConfig = v["extraConfig"].String ?? "",
            Locations = [.. v["locations"].Attributes
                // The writer emits the challenge location itself (also in the redirect server).
                .Where(l => acmeRoot is null || !l.Path[^1].Contains("/.well-known/acme-challenge", StringComparison.Ordinal))
                .Select(l => new NginxLocation
            {
                Path = l.Path[^1],
                Root = l["root"].String,
                Alias = l["alias"].String,
                ProxyPass = l["proxyPass"].String,
                ExtraConfig = l["extraConfig"].String ?? "",
            })],
        };
        return certDirectory is null ? host : host.WithAcmeCertificate(certDirectory);
    }

    private static bool Flag(ConfiguredValue v, string name) => v.Get(name) is { Kind: ConfiguredKind.Bool, Bool: true };
}
