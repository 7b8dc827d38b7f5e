# useACMEHost names a certificate that does not exist (a near miss of an existing one).
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."example.org" = {
      webroot = "/var/lib/acme/acme-challenge";
      group = "nginx";
    };
  };
  services.nginx = {
    enable = true;
    virtualHosts."example.org" = {
      forceSSL = true;
      useACMEHost = "exmaple.org"; # MISTAKE: no certificate "exmaple.org"; did you mean "example.org"?
    };
  };
  networking.firewall.allowedTCPPorts = [ 80 ];
}
