# A value inherited from security.acme.defaults: the finding points at the defaults line.
{ ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults = {
      email = "admin@example.org";
      webroot = "/srv/acme";
    };
    certs."example.org" = { };
  };
  services.nginx.enable = true;
  services.nginx.virtualHosts."example.org".root = "/srv/www";
  networking.firewall.allowedTCPPorts = [ 80 443 ];
}
