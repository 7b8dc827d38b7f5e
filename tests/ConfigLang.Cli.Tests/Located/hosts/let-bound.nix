# Names bound in `let`: the certificate's name and its webroot are variables.
{ ... }:
let
  domain = "example.org";
  challengeDir = "/srv/acme";
in
{
  security.acme.acceptTerms = true;
  security.acme.defaults.email = "admin@example.org";
  security.acme.certs.${domain}.webroot = challengeDir;
  services.nginx.enable = true;
  services.nginx.virtualHosts.${domain}.root = "/srv/www";
  networking.firewall.allowedTCPPorts = [ 80 443 ];
}
