# The removed per-certificate `user` option.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."example.org" = {
      listenHTTP = ":80";
      user = "nginx"; # MISTAKE: no longer has any effect; files belong to acme, grant access through group
    };
  };
  networking.firewall.allowedTCPPorts = [ 80 ];
}
