# 101 names on one Let's Encrypt certificate; the CA allows at most 100 per certificate.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."example.org" = {
      listenHTTP = ":80";
      extraDomainNames = builtins.genList (i: "shop${toString i}.example.org") 100; # MISTAKE: with the domain, 101 names
    };
  };
  networking.firewall.allowedTCPPorts = [ 80 ];
}
