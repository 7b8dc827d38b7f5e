# Definitions in an imported file: the findings point into that file.
{ ... }:
{
  imports = [ ./imported-certs.nix ];
  security.acme.acceptTerms = true;
  security.acme.defaults.email = "admin@example.org";
  networking.firewall.allowedTCPPorts = [ 443 ];
}
