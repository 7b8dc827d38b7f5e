# A DNS provider ConfigLang does not implement (lego knows `hetzner`, rebuild does not): refused
# where it is written, not at the real rebuild.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."example.org" = {
      dnsProvider = "hetzner"; # MISTAKE: not one of the supported providers (configlang options security.acme.defaults.dnsProvider)
      credentialFiles."HETZNER_API_TOKEN_FILE" = "/run/secrets/hetzner-token";
    };
  };
}
