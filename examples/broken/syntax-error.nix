# A syntax error: a missing semicolon.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true # MISTAKE: the `;` is missing here, so parsing stops at the next name
    defaults.email = "admin@example.org";
    defaults.webroot = "/var/lib/acme/acme-challenge";
    certs."example.org" = { };
  };
}
