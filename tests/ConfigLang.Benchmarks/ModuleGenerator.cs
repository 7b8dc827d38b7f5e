using System.Text;

namespace ConfigLang.Benchmarks;

/// <summary>
/// Writes a NixOS-module-like file of a given size: a function of the module arguments, a
/// <c>let</c> with helpers, then many hosts, each with attribute sets under dotted paths,
/// strings with interpolation, lists, lambdas and indented strings — what real configurations
/// are made of.
/// </summary>
public static class ModuleGenerator
{
    public static string Generate(int targetLength)
    {
        var text = new StringBuilder(targetLength + 4096);
        text.Append("""
            { config, lib, pkgs, ... }:
            with lib;
            let
              domain = "example.org";
              mkVirtualHost = name: port: {
                forceSSL = true;
                useACMEHost = "${name}.${domain}";
                locations."/".proxyPass = "http://127.0.0.1:${toString port}";
              };
              ports = map (n: 8000 + n * 2 - 1) [ 1 2 3 4 5 ];
            in {
              security.acme.acceptTerms = true;
              security.acme.defaults.email = "admin@${domain}";

            """);
        for (var host = 0; text.Length < targetLength; host++)
        {
            text.Append($$"""
                  security.acme.certs."host{{host}}.${domain}" = {
                    group = config.services.nginx.group;
                    extraDomainNames = [ "www.host{{host}}.${domain}" "mail.host{{host}}.${domain}" ];
                    dnsProvider = if {{host}} / 2 * 2 == {{host}} then "cloudflare" else "inwx";
                    reloadServices = [ "nginx" "postfix" ] ++ optional (config.services.dovecot2.enable or false) "dovecot2";
                    postRun = ''
                      # set permissions for host{{host}}
                      ${pkgs.acl}/bin/setfacl -m u:nginx:r /var/lib/acme/host{{host}}.${domain}/*.pem
                    '';
                  };
                  services.nginx.virtualHosts."host{{host}}.${domain}" = mkVirtualHost "host{{host}}" (elemAt ports {{host % 5}}) // {
                    extraConfig = optionalString (!config.networking.enableIPv6) "listen 0.0.0.0:443;";
                  };
                  users.users.host{{host}} = { isSystemUser = true; group = "acme"; extraGroups = [ "nginx" ]; uid = {{1000 + host}}; };

                """);
        }
        text.Append("}\n");
        return text.ToString();
    }
}
