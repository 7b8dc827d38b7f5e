# HTTP-01 through nginx, but the firewall (enabled by default) only opens HTTPS.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
  };
  networking.firewall.allowedTCPPorts = [ 443 ]; # MISTAKE: the CA connects to port 80 for HTTP-01; add 80
  services.nginx = {
    enable = true;
    virtualHosts."example.org" = {
      forceSSL = true;
      enableACME = true;
    };
  };
}
