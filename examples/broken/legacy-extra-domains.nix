# The legacy extraDomains attribute set (a warning, not an error).
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."example.org" = {
      listenHTTP = ":80";
      extraDomains."www.example.org" = null; # MISTAKE: replaced by extraDomainNames = [ "www.example.org" ];
    };
  };
  networking.firewall.allowedTCPPorts = [ 80 ];
}
