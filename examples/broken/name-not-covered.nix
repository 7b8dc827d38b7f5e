# A wildcard certificate shared with useACMEHost by two virtual hosts. `*.example.org` covers
# www.example.org (and, case aside, WWW.Example.org), but not the bare example.org: useACMEHost
# does not add a virtual host's names to the certificate.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."wildcard.example.org" = {
      domain = "*.example.org";
      dnsProvider = "cloudflare";
      credentialFiles."CLOUDFLARE_DNS_API_TOKEN_FILE" = "/run/secrets/cloudflare-dns-api-token";
      group = "nginx";
    };
  };
  services.nginx = {
    enable = true;
    virtualHosts."www.example.org" = {
      serverAliases = [ "WWW.Example.org" ];
      forceSSL = true;
      useACMEHost = "wildcard.example.org";
    };
    virtualHosts."example.org" = { # MISTAKE: the wildcard does not cover the bare example.org
      forceSSL = true;
      useACMEHost = "wildcard.example.org";
    };
  };
}
