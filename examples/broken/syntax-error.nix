# A syntax error: a missing semicolon.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true
    defaults.email = "admin@example.org"; # MISTAKE: the line above lacks its `;`, so parsing fails here
    defaults.webroot = "/var/lib/acme/acme-challenge";
    certs."example.org" = { };
  };
}
