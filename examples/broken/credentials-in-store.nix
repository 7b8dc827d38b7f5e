# DNS provider credentials written into the world-readable store.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."example.org" = {
      dnsProvider = "cloudflare";
      environmentFile = pkgs.writeText "cloudflare-creds" "CF_DNS_API_TOKEN=secret"; # MISTAKE: the store is world-readable; keep the file outside it or use credentialFiles
    };
  };
}
