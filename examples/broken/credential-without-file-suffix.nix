# A credentialFiles variable whose name does not end in _FILE.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."example.org" = {
      dnsProvider = "cloudflare";
      credentialFiles."CLOUDFLARE_DNS_API_TOKEN" = "/run/secrets/cloudflare-token"; # MISTAKE: must be CLOUDFLARE_DNS_API_TOKEN_FILE
    };
  };
}
