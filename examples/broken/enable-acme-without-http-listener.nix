# enableACME on a virtual host that only listens with TLS, so HTTP-01 cannot reach it.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
  };
  services.nginx = {
    enable = true;
    virtualHosts."example.org" = {
      onlySSL = true;
      enableACME = true;
      listen = [ { addr = "0.0.0.0"; port = 443; ssl = true; proxyProtocol = true; } ]; # MISTAKE: the only listener speaks the PROXY protocol; nothing answers plain HTTP challenges
    };
  };
  networking.firewall.allowedTCPPorts = [ 80 ];
}
