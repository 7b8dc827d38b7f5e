# The host's name, which nearly every NixOS configuration sets and some service defaults read
# (coturn's realm, for instance). ConfigLang does not rename the host.
{ lib, ... }:
let
  inherit (lib) mkOption types;
in
{
  options.networking = {
    hostName = mkOption {
      type = types.str;
      default = "nixos";
      example = "web1";
      description = "Name of the host (without the domain).";
    };

    domain = mkOption {
      type = types.nullOr types.str;
      default = null;
      example = "example.org";
      description = "DNS domain of the host; with `hostName` it forms the host's FQDN.";
    };
  };
}
