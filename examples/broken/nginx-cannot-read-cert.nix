# nginx uses a certificate whose group it is not in.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."example.org" = {
      webroot = "/var/lib/acme/acme-challenge";
      group = "acme"; # MISTAKE: nginx is not in group acme; use group = "nginx" or users.users.nginx.extraGroups = [ "acme" ]
    };
  };
  services.nginx = {
    enable = true;
    virtualHosts."example.org" = {
      forceSSL = true;
      useACMEHost = "example.org";
    };
  };
  networking.firewall.allowedTCPPorts = [ 80 ];
}
