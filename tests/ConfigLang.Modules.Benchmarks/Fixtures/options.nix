{ lib, config, ... }:
let
  inherit (lib) mkOption types mkIf mkDefault;
  cfg = config.security.acme;
  certOpts = { name, config, ... }: {
    options = {
      domain = mkOption { type = types.str; default = name; };
      extraDomainNames = mkOption { type = types.listOf types.str; default = [ ]; };
      email = mkOption { type = types.nullOr types.str; default = cfg.defaults.email; };
      server = mkOption { type = types.str; default = cfg.defaults.server; };
      keyType = mkOption { type = types.str; default = cfg.defaults.keyType; };
      group = mkOption { type = types.str; default = cfg.defaults.group; };
      webroot = mkOption { type = types.nullOr types.str; default = cfg.defaults.webroot; };
      dnsProvider = mkOption { type = types.nullOr types.str; default = cfg.defaults.dnsProvider; };
      validMinDays = mkOption { type = types.int; default = cfg.defaults.validMinDays; };
      reloadServices = mkOption { type = types.listOf types.str; default = cfg.defaults.reloadServices; };
      postRun = mkOption { type = types.lines; default = ""; };
      directory = mkOption { type = types.str; readOnly = true; default = "/var/lib/acme/${name}"; };
    };
  };
  defaultOpts = {
    options = {
      email = mkOption { type = types.nullOr types.str; default = null; };
      server = mkOption { type = types.str; default = "https://acme-v02.api.letsencrypt.org/directory"; };
      keyType = mkOption { type = types.str; default = "ec256"; };
      group = mkOption { type = types.str; default = "acme"; };
      webroot = mkOption { type = types.nullOr types.str; default = null; };
      dnsProvider = mkOption { type = types.nullOr types.str; default = null; };
      validMinDays = mkOption { type = types.int; default = 30; };
      reloadServices = mkOption { type = types.listOf types.str; default = [ ]; };
    };
  };
  vhostOpts = { name, ... }: {
    options = {
      serverName = mkOption { type = types.str; default = name; };
      serverAliases = mkOption { type = types.listOf types.str; default = [ ]; };
      useACMEHost = mkOption { type = types.nullOr types.str; default = null; };
      enableACME = mkOption { type = types.bool; default = false; };
      forceSSL = mkOption { type = types.bool; default = false; };
      root = mkOption { type = types.nullOr types.str; default = null; };
    };
  };
in
{
  options = {
    security.acme.defaults = mkOption { type = types.submodule defaultOpts; default = { }; };
    security.acme.certs = mkOption { type = types.attrsOf (types.submodule certOpts); default = { }; };
    services.nginx.enable = mkOption { type = types.bool; default = false; };
    services.nginx.virtualHosts = mkOption { type = types.attrsOf (types.submodule vhostOpts); default = { }; };
    assertions = mkOption { type = types.listOf types.unspecified; default = [ ]; };
  };
  config = mkIf config.services.nginx.enable {
    security.acme.certs = lib.mapAttrs' (name: vhost: lib.nameValuePair vhost.serverName {
      group = mkDefault "nginx";
      extraDomainNames = vhost.serverAliases;
    }) (lib.filterAttrs (_: v: v.enableACME) config.services.nginx.virtualHosts);
  };
}
