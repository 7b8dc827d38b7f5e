# The wiki's DNS-01 example with inwx, verbatim, including the credentials written with
# pkgs.writeText: they end up world-readable in the store, which the wiki itself warns about
# and `configlang lint` reports. Use `credentialFiles` or an environmentFile outside the store.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin+acme@example.org";
    certs."mx1.example.org" = {
      dnsProvider = "inwx";
      # Supplying password files like this will make your credentials world-readable
      # in the Nix store. This is for demonstration purpose only, do not use this in production.
      environmentFile = "${pkgs.writeText "inwx-creds" ''
        INWX_USERNAME=xxxxxxxxxx
        INWX_PASSWORD=yyyyyyyyyy
      ''}";
    };
  };
}
