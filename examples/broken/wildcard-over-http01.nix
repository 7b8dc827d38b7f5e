# A wildcard certificate validated over HTTP-01, which certificate authorities refuse.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."example.org" = {
      domain = "*.example.org";
      listenHTTP = ":80"; # MISTAKE: wildcard names can only be validated over DNS-01 (dnsProvider)
    };
  };
  networking.firewall.allowedTCPPorts = [ 80 ];
}
