# Two certificates for the same names (in another order and case): Let's Encrypt issues at most
# 5 certificates for one set of names every 7 days, and a change orders both again.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    defaults.listenHTTP = ":80";
    certs."example.org" = {
      extraDomainNames = [ "www.example.org" ];
    };
    certs."www.example.org" = { # MISTAKE: the same names as "example.org"; share that one with useACMEHost
      extraDomainNames = [ "Example.org" ];
    };
  };
  networking.firewall.allowedTCPPorts = [ 80 ];
}
