# A webroot that no web server serves: nginx's virtual host uses the certificate, but its
# challenge location serves its own acmeRoot (the default /var/lib/acme/acme-challenge).
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."example.org" = {
      webroot = "/srv/acme"; # MISTAKE: nothing serves /srv/acme; set the virtual host's acmeRoot = "/srv/acme"
      group = "nginx";
    };
  };
  networking.firewall.allowedTCPPorts = [ 80 443 ];
  services.nginx = {
    enable = true;
    virtualHosts."example.org" = {
      forceSSL = true;
      useACMEHost = "example.org";
    };
  };
}
