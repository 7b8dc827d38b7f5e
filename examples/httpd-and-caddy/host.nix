# Apache httpd obtaining its own certificate (enableACME: group wwwrun, the vhost's adminAddr
# as a fallback e-mail that never beats `defaults.email`) and Caddy serving a certificate from
# security.acme (useACMEHost: group caddy, reload caddy.service) instead of its built-in ACME.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."shop.example.org" = {
      dnsProvider = "cloudflare";
      credentialFiles."CLOUDFLARE_DNS_API_TOKEN_FILE" = "/run/secrets/cloudflare-token";
    };
  };

  networking.firewall.allowedTCPPorts = [ 80 443 8443 ];

  services.httpd = {
    enable = true;
    adminAddr = "webmaster@example.org";
    virtualHosts."blog.example.org" = {
      forceSSL = true;
      enableACME = true;
      documentRoot = "/srv/blog";
    };
  };

  services.caddy = {
    enable = true;
    virtualHosts."shop.example.org" = {
      listenAddresses = [ "0.0.0.0" ];
      useACMEHost = "shop.example.org";
      extraConfig = ''
        bind 0.0.0.0:8443
        reverse_proxy 127.0.0.1:3000
      '';
    };
  };
}
