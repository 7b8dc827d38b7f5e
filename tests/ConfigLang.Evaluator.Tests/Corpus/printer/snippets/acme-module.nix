{ config, lib, pkgs, ... }:
with lib;
let
  cfg = config.security.acme;
  certs = attrNames cfg.certs;
in {
  options.security.acme.defaults.email = mkOption { type = types.str; default = "admin@example.org"; };
  config = mkIf (certs != [ ]) {
    security.acme.acceptTerms = true;
    security.acme.certs."example.org" = { webroot = "/var/lib/acme/acme-challenge"; extraDomainNames = [ "www.example.org" ]; };
    systemd.services = listToAttrs (map (name: nameValuePair "acme-${name}" { after = [ "network.target" ]; }) certs);
  };
}
