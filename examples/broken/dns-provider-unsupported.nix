# A DNS provider ConfigLang does not implement (lego knows `ionos`, rebuild does not): refused
# where it is written, not at the real rebuild.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."example.org" = {
      dnsProvider = "ionos"; # MISTAKE: not one of the supported providers (configlang options security.acme.defaults.dnsProvider)
      credentialFiles."IONOS_API_KEY_FILE" = "/run/secrets/ionos-key";
    };
  };
}
