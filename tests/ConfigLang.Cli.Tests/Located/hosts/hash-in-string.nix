# A `#` inside a string before the definition on the same line is no comment.
{ ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."example.org" = { postRun = "echo '#'"; webroot = "/srv/acme"; };
  };
  services.nginx.enable = true;
  services.nginx.virtualHosts."example.org".root = "/srv/www";
  networking.firewall.allowedTCPPorts = [ 80 443 ];
}
