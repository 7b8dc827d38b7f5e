# A wildcard in the certificate's attribute name.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."*.example.org" = { # MISTAKE: the name may not contain *; use certs."example.org".domain = "*.example.org"
      dnsProvider = "cloudflare";
      environmentFile = "/run/secrets/cloudflare.env";
    };
  };
}
