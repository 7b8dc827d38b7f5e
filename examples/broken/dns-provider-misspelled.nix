# A misspelt DNS provider.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    defaults.dnsProvider = "cloudfare"; # MISTAKE: did you mean "cloudflare"?
    certs."example.org".extraDomainNames = [ "www.example.org" ];
  };
}
