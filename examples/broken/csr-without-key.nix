# A certificate signing request without its key.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."example.org" = {
      webroot = "/var/lib/acme/acme-challenge";
      csr = "/etc/ssl/example.org.csr"; # MISTAKE: csrKey (the matching private key) is missing
    };
  };
}
