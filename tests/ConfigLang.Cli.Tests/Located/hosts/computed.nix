# Values computed from other options: b.org's webroot is a's, read through config; the finding
# about b.org points at b.org's definition, the one that decides its value.
{ config, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."a.example.org".listenHTTP = ":80";
    certs."b.example.org".listenHTTP = config.security.acme.certs."a.example.org".listenHTTP;
    certs."b.example.org".domain = "*.example.org";
  };
  networking.firewall.allowedTCPPorts = [ 80 ];
}
