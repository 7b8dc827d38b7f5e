# DNS-01 from `security.acme.defaults` together with nginx's enableACME. A vhost's `acmeRoot`
# (default /var/lib/acme/acme-challenge) forces HTTP-01 at priority 1000, beating the defaults
# (NixOS/nixpkgs#210807); only `acmeRoot = null` lets the inherited DNS provider through.
# Here api.example.org gets DNS-01, www.example.org HTTP-01.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults = {
      email = "admin@example.org";
      dnsProvider = "rfc2136";
      dnsPropagationCheck = false; # the authoritative server is local
      credentialFiles = {
        "RFC2136_TSIG_SECRET_FILE" = "/run/secrets/tsig-secret-example.org";
      };
      environmentFile = "/run/secrets/rfc2136.env"; # RFC2136_NAMESERVER, RFC2136_TSIG_KEY, ...
    };
  };

  networking.firewall.allowedTCPPorts = [ 80 443 ];

  services.nginx = {
    enable = true;
    virtualHosts."api.example.org" = {
      forceSSL = true;
      enableACME = true;
      acmeRoot = null; # inherit the challenge from security.acme.defaults: DNS-01
      locations."/".proxyPass = "http://127.0.0.1:8080";
    };
    virtualHosts."www.example.org" = {
      forceSSL = true;
      enableACME = true; # acmeRoot keeps its default: HTTP-01 through nginx
      root = "/srv/www";
    };
  };
}
