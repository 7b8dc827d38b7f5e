# The terms of service of the certificate authority are not accepted.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = false; # MISTAKE: must be true before any certificate is ordered
    defaults.email = "admin@example.org";
    defaults.listenHTTP = ":80";
    certs."example.org" = { };
  };
  networking.firewall.allowedTCPPorts = [ 80 ];
}
