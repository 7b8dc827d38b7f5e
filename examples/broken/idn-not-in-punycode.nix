# An internationalised name written in Unicode: the CA accepts only its punycode (xn--) form.
# The first extra name shows the correct form.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."example.org" = {
      listenHTTP = ":80";
      extraDomainNames = [
        "xn--caf-dma.example.org"
        "bücher.example.org" # MISTAKE: write the punycode form xn--bcher-kva.example.org
      ];
    };
  };
  networking.firewall.allowedTCPPorts = [ 80 ];
}
