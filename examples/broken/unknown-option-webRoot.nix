# An option name with the wrong case.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."example.org".webRoot = "/var/lib/acme/acme-challenge"; # MISTAKE: no option webRoot; did you mean webroot?
  };
}
