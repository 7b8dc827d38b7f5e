# Two mutually exclusive TLS modes on one nginx virtual host.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
  };
  services.nginx = {
    enable = true;
    virtualHosts."example.org" = {
      enableACME = true;
      forceSSL = true;
      addSSL = true; # MISTAKE: addSSL, onlySSL, forceSSL and rejectSSL are mutually exclusive
    };
  };
  networking.firewall.allowedTCPPorts = [ 80 ];
}
