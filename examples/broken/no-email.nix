# No account e-mail address, neither in defaults nor on the certificate.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    certs."example.org".listenHTTP = ":80"; # MISTAKE: no email here or in security.acme.defaults.email
  };
  networking.firewall.allowedTCPPorts = [ 80 ];
}
