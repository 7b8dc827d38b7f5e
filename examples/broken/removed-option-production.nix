# An option that was removed from NixOS.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    production = false; # MISTAKE: removed; set security.acme.defaults.server to the staging directory instead
    defaults.email = "admin@example.org";
    defaults.listenHTTP = ":80";
    certs."example.org" = { };
  };
  networking.firewall.allowedTCPPorts = [ 80 ];
}
