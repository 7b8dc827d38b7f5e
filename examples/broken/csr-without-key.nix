# A certificate signing request without its key.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."example.org" = {
      listenHTTP = ":80";
      csr = "/etc/ssl/example.org.csr"; # MISTAKE: csrKey (the matching private key) is missing
    };
  };
  networking.firewall.allowedTCPPorts = [ 80 ];
}
