# A credentials path holding a NUL character (no file system path can).
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."example.org" = {
      dnsProvider = "cloudflare";
      environmentFile = builtins.fromJSON ''"/run/secrets/cloudflare\u0000.env"''; # MISTAKE: a path cannot hold NUL
    };
  };
}
