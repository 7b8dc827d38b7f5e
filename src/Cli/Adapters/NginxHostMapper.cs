using System.Text.Json;
using ConfigLang.Acme.HostConfig;

namespace ConfigLang.Cli.Adapters;

/// <summary>The resolved <c>services.nginx</c>: whether it is enabled and its virtual hosts.</summary>
public sealed record NginxHost(bool Enabled, IReadOnlyList<NginxVirtualHost> Hosts);

/// <summary>
/// Maps <c>services.nginx.virtualHosts</c> (JSON from <see cref="Expression"/>) to
/// <see cref="NginxVirtualHost"/>s: names, TLS mode, the certificate directory of
/// <c>useACMEHost</c>/<c>enableACME</c>, <c>acmeRoot</c> for certificates not validated over DNS,
/// and locations.
/// </summary>
public static class NginxHostMapper
{
    /// <summary>A Nix expression (with <c>cfg</c> in scope); <c>or</c> keeps it working for options the library may lack.</summary>
    public const string Expression =
        "(let n = cfg.services.nginx or {}; certs = cfg.security.acme.certs; in { enable = n.enable or false; " +
        "vhosts = builtins.mapAttrs (name: v: let certName = if (v.useACMEHost or null) != null then v.useACMEHost else if (v.enableACME or false) then name else null; in { " +
        "serverName = if (v.serverName or null) != null then v.serverName else name; serverAliases = v.serverAliases or []; " +
        "addSSL = v.addSSL or false; onlySSL = v.onlySSL or false; forceSSL = v.forceSSL or false; " +
        "root = v.root or null; extraConfig = v.extraConfig or \"\"; acmeRoot = v.acmeRoot or \"/var/lib/acme/acme-challenge\"; " +
        "certDirectory = if certName != null && certs ? ${certName} then certs.${certName}.directory else if certName != null then \"/var/lib/acme/${certName}\" else null; " +
        "dns = certName != null && certs ? ${certName} && certs.${certName}.dnsProvider != null; " +
        "locations = builtins.mapAttrs (p: l: { root = l.root or null; alias = l.alias or null; proxyPass = l.proxyPass or null; extraConfig = l.extraConfig or \"\"; }) (v.locations or {}); " +
        "}) (n.virtualHosts or {}); })";

    public static NginxHost Map(JsonElement nginx)
    {
        var enabled = nginx.GetProperty("enable").ValueKind == JsonValueKind.True;
        var hosts = nginx.GetProperty("vhosts").EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => ToHost(p.Value)).ToList();
        return new NginxHost(enabled, hosts);
    }

    private static NginxVirtualHost ToHost(JsonElement v)
    {
        var tls = Flag(v, "forceSSL") ? NginxTlsMode.ForceSsl : Flag(v, "onlySSL") ? NginxTlsMode.OnlySsl : Flag(v, "addSSL") ? NginxTlsMode.AddSsl : NginxTlsMode.None;
        var certDirectory = Text(v, "certDirectory");
        var acmeRoot = certDirectory is not null && !Flag(v, "dns") ? Text(v, "acmeRoot") : null;
        var host = new NginxVirtualHost
        {
            ServerNames = [Text(v, "serverName")!, .. v.GetProperty("serverAliases").EnumerateArray().Select(a => a.GetString()!)],
            Tls = tls,
            AcmeRoot = acmeRoot,
            Root = Text(v, "root"),
            ExtraConfig = Text(v, "extraConfig") ?? "",
            Locations = [.. v.GetProperty("locations").EnumerateObject().OrderBy(l => l.Name, StringComparer.Ordinal)
                // The writer emits the challenge location itself (also in the redirect server).
                .Where(l => acmeRoot is null || !l.Name.Contains("/.well-known/acme-challenge", StringComparison.Ordinal))
                .Select(l => new NginxLocation
            {
                Path = l.Name,
                Root = Text(l.Value, "root"),
                Alias = Text(l.Value, "alias"),
                ProxyPass = Text(l.Value, "proxyPass"),
                ExtraConfig = Text(l.Value, "extraConfig") ?? "",
            })],
        };
        return certDirectory is null ? host : host.WithAcmeCertificate(certDirectory);
    }

    private static bool Flag(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
