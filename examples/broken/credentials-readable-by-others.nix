# DNS provider credentials kept outside the store, but in a file every local user can read.
# `toString` keeps the path as it is (a path value would be copied into the store); the file
# secrets/cloudflare.env is checked out with mode 0644 (umask 022).
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."example.org" = {
      dnsProvider = "cloudflare";
      environmentFile = toString ./secrets/cloudflare.env; # MISTAKE: mode 0644 lets every local user read the token; chmod 0600, owned by root
    };
  };
}
