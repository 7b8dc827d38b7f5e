# Both a certificate of its own and a shared one for one nginx virtual host.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."example.org" = {
      webroot = "/var/lib/acme/acme-challenge";
      group = "nginx";
      extraDomainNames = [ "www.example.org" ];
    };
  };
  services.nginx = {
    enable = true;
    virtualHosts."www.example.org" = {
      forceSSL = true;
      enableACME = true;
      useACMEHost = "example.org"; # MISTAKE: enableACME and useACMEHost are mutually exclusive
    };
  };
  networking.firewall.allowedTCPPorts = [ 80 ];
}
