# Two challenge methods for one certificate.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."example.org" = {
      webroot = "/var/lib/acme/acme-challenge";
      dnsProvider = "cloudflare"; # MISTAKE: webroot is already set; exactly one challenge method is allowed
      environmentFile = "/run/secrets/cloudflare.env";
    };
  };
}
