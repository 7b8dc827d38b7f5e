# An internationalised name written in Unicode: the CA accepts only its punycode (xn--) form.
# The first extra name shows the correct form.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."example.org" = {
      webroot = "/var/lib/acme/acme-challenge";
      extraDomainNames = [
        "xn--caf-dma.example.org"
        "bücher.example.org" # MISTAKE: write the punycode form xn--bcher-kva.example.org
      ];
    };
  };
}
