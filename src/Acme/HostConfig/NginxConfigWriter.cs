using System.Text;

namespace ConfigLang.Acme.HostConfig;

/// <summary>
/// Renders virtual hosts as nginx configuration the way NixOS's nginx module lays them out:
/// a main server per vhost (HTTP, HTTPS or both), and for forceSSL an extra plain-HTTP server
/// that redirects to HTTPS but still answers the ACME challenge from <c>acmeRoot</c>
/// (<c>location ^~ /.well-known/acme-challenge/</c>, so regex locations cannot shadow it, with
/// <c>auth_basic</c> and <c>auth_request</c> off so no login stands in the CA's way).
/// </summary>
public static class NginxConfigWriter
{
    /// <summary>The <c>server { … }</c> blocks of the virtual hosts (for an <c>http { }</c> block or an include).</summary>
    public static string Servers(IEnumerable<NginxVirtualHost> hosts)
    {
        var text = new StringBuilder();
        foreach (var host in hosts) AppendHost(text, host);
        return text.ToString();
    }

    /// <summary>
    /// A whole <c>nginx.conf</c> as NixOS's module lays it out: the ConfigLang header (so a later
    /// rebuild knows the file is its own), <c>user</c> and <c>pid</c>, an <c>events</c> block, and an
    /// <c>http</c> block with NixOS's defaults (MIME types from the host's <c>mime.types</c> beside
    /// the file, TLS 1.2 and 1.3, <c>$connection_upgrade</c>, 10m bodies, no server tokens) then the
    /// servers. No <c>daemon</c> line: Debian's unit passes <c>-g 'daemon on;'</c> and nginx refuses a duplicate.
    /// </summary>
    public static string WholeFile(IEnumerable<NginxVirtualHost> hosts, NginxMainSettings? settings = null)
    {
        settings ??= new NginxMainSettings();
        var text = new StringBuilder(GeneratedFileWriter.Header);
        text.Append($"user {Quote(settings.User)} {Quote(settings.Group)};\n");
        text.Append($"pid {Quote(settings.PidFile)};\n");
        if (settings.ErrorLog is { } errorLog) text.Append($"error_log {Quote(errorLog)};\n");
        AppendLines(text, settings.MainExtra, "");
        text.Append("\nevents {\n}\n\nhttp {\n");
        text.Append("  include mime.types;\n");
        text.Append("  default_type application/octet-stream;\n");
        text.Append("  types_hash_max_size 4096;\n");
        text.Append("  ssl_protocols TLSv1.2 TLSv1.3;\n");
        text.Append("  # $connection_upgrade is used for websocket proxying\n");
        text.Append("  map $http_upgrade $connection_upgrade {\n    default upgrade;\n    '' close;\n  }\n");
        text.Append("  client_max_body_size 10m;\n");
        text.Append("  server_tokens off;\n");
        AppendLines(text, settings.HttpExtra, "  ");
        text.Append('\n');
        foreach (var line in Servers(hosts).Split('\n'))
        {
            text.Append(line.Length == 0 ? "" : "  " + line).Append('\n');
        }
        text.Length--;
        text.Append("}\n");
        return text.ToString();
    }

    private static void AppendHost(StringBuilder text, NginxVirtualHost host)
    {
        if (host.Tls != NginxTlsMode.None && (host.SslCertificate is null || host.SslCertificateKey is null))
        {
            throw new ArgumentException($"virtual host {host.ServerNames.FirstOrDefault()} uses TLS but has no certificate paths", nameof(host));
        }
        var names = string.Join(' ', host.ServerNames.Select(Quote));
        if (host.Tls == NginxTlsMode.ForceSsl)
        {
            text.Append("server {\n");
            foreach (var listen in host.HttpListen) text.Append($"  listen {listen.Format()};\n");
            text.Append($"  server_name {names};\n");
            AppendChallenge(text, host);
            text.Append($"  location / {{\n    return {host.RedirectCode} https://$host$request_uri;\n  }}\n");
            text.Append("}\n\n");
        }

        text.Append("server {\n");
        var listens = host.Tls switch
        {
            NginxTlsMode.None => host.HttpListen,
            NginxTlsMode.AddSsl => [.. host.HttpListen, .. host.HttpsListen],
            _ => host.HttpsListen,
        };
        foreach (var listen in listens) text.Append($"  listen {listen.Format()};\n");
        text.Append($"  server_name {names};\n");
        if (host.Tls != NginxTlsMode.None)
        {
            text.Append($"  ssl_certificate {Quote(host.SslCertificate!)};\n");
            text.Append($"  ssl_certificate_key {Quote(host.SslCertificateKey!)};\n");
            if (host.SslTrustedCertificate is { } trusted) text.Append($"  ssl_trusted_certificate {Quote(trusted)};\n");
        }
        if (host.Root is { } root) text.Append($"  root {Quote(root)};\n");
        AppendChallenge(text, host);
        foreach (var location in host.Locations)
        {
            text.Append($"  location {location.Path} {{\n");
            if (location.Root is { } locationRoot) text.Append($"    root {Quote(locationRoot)};\n");
            if (location.Alias is { } alias) text.Append($"    alias {Quote(alias)};\n");
            if (location.ProxyPass is { } proxy) text.Append($"    proxy_pass {proxy};\n");
            AppendLines(text, location.ExtraConfig, "    ");
            text.Append("  }\n");
        }
        AppendLines(text, host.ExtraConfig, "  ");
        text.Append("}\n\n");
    }

    private static void AppendChallenge(StringBuilder text, NginxVirtualHost host)
    {
        if (host.AcmeRoot is not { } acmeRoot) return;
        text.Append("  location ^~ /.well-known/acme-challenge/ {\n");
        text.Append($"    root {Quote(acmeRoot)};\n");
        text.Append("    auth_basic off;\n");
        text.Append("    auth_request off;\n");
        text.Append("  }\n");
    }

    private static void AppendLines(StringBuilder text, string lines, string indent)
    {
        foreach (var line in lines.Split('\n'))
        {
            if (line.Trim().Length > 0) text.Append(indent).Append(line.TrimEnd()).Append('\n');
        }
    }

    // nginx strings: quote when a value holds characters its tokenizer would split on.
    internal static string Quote(string value) =>
        value.Length > 0 && value.All(c => !char.IsWhiteSpace(c) && c is not ';' and not '{' and not '}' and not '"' and not '\'' and not '\\' and not '#' and not '$')
            ? value
            : "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
