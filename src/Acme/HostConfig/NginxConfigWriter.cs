using System.Text;

namespace ConfigLang.Acme.HostConfig;

/// <summary>
/// Renders virtual hosts as nginx configuration the way NixOS's nginx module lays them out:
/// a main server per vhost (HTTP, HTTPS or both), and for forceSSL an extra plain-HTTP server
/// that redirects to HTTPS but still answers the ACME challenge from <c>acmeRoot</c>
/// (<c>location ^~ /.well-known/acme-challenge/</c>, so regex locations cannot shadow it).
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
    /// A whole <c>nginx.conf</c>: <paramref name="mainExtra"/> at the top (e.g. <c>pid …;</c>,
    /// <c>error_log …;</c>), an <c>events</c> block, and an <c>http</c> block with
    /// <paramref name="httpExtra"/> then the servers.
    /// </summary>
    public static string WholeFile(IEnumerable<NginxVirtualHost> hosts, string mainExtra = "", string httpExtra = "")
    {
        var text = new StringBuilder();
        AppendLines(text, mainExtra, "");
        text.Append("events {\n}\n\nhttp {\n");
        AppendLines(text, httpExtra, "  ");
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
