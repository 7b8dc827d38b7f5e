# A string where an integer is expected.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    defaults.webroot = "/var/lib/acme/acme-challenge";
    defaults.validMinDays = "30"; # MISTAKE: validMinDays is an int: write 30, not "30"
    certs."example.org" = { };
  };
}
