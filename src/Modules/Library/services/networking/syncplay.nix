# Syncplay server. As in NixOS it runs with a systemd DynamicUser, so `user` and `group` are
# removed options, and with `useACMEHost` systemd hands it `cert.pem`, `key.pem` and
# `chain.pem` as credentials (`LoadCredential=`): systemd reads them as root, so the
# certificate's group does not matter for syncplay. The certificate reloads
# `syncplay.service` after renewal.
{ config, lib, ... }:
let
  inherit (lib) mkOption mkIf types;

  cfg = config.services.syncplay;

  helpers = import ../../security/acme-helpers.nix { inherit lib config; };

  removedAccountMessage = "The syncplay service runs with a systemd DynamicUser now; override the unit's settings if you need a fixed account.";
in
{
  imports = [
    (lib.mkRemovedOptionModule [ "services" "syncplay" "user" ] removedAccountMessage)
    (lib.mkRemovedOptionModule [ "services" "syncplay" "group" ] removedAccountMessage)
  ];

  options.services.syncplay = {
    enable = mkOption {
      type = types.bool;
      default = false;
      description = "Whether to run the Syncplay server.";
    };

    port = mkOption {
      type = types.port;
      default = 8999;
      description = "TCP port to listen on.";
    };

    passwordFile = mkOption {
      type = types.nullOr types.path;
      default = null;
      description = "File holding the server password; no password when null.";
    };

    salt = mkOption {
      type = types.nullOr types.str;
      default = null;
      description = ''
        Salt that keeps room operator passwords valid across restarts (visible in the store;
        prefer `saltFile`). Not together with `saltFile`.
      '';
    };

    saltFile = mkOption {
      type = types.nullOr types.path;
      default = null;
      description = "File holding the salt. Not together with `salt`.";
    };

    certDir = mkOption {
      type = types.nullOr types.path;
      default = null;
      description = "Directory with the TLS certificate files. Not together with `useACMEHost`.";
    };

    useACMEHost = mkOption {
      type = types.nullOr types.str;
      default = null;
      example = "syncplay.example.com";
      description = ''
        Name of a certificate in `security.acme.certs` to use for TLS. `security.acme` must be
        able to obtain it (for DNS-01, credentials included).
      '';
    };

    extraArgs = mkOption {
      type = types.listOf types.str;
      default = [ ];
      description = "Further arguments for the server.";
    };
  };

  config = mkIf cfg.enable {
    assertions = [
      {
        assertion = cfg.salt == null || cfg.saltFile == null;
        message = "services.syncplay.salt and services.syncplay.saltFile are mutually exclusive.";
      }
      {
        assertion = cfg.certDir == null || cfg.useACMEHost == null;
        message = "services.syncplay.certDir and services.syncplay.useACMEHost are mutually exclusive.";
      }
    ];

    security.acme.certs = mkIf (cfg.useACMEHost != null) {
      ${cfg.useACMEHost}.reloadServices = [ "syncplay.service" ];
    };

    configlang.certConsumers = lib.optional (cfg.useACMEHost != null) (
      helpers.consumer {
        unit = "syncplay";
        cert = cfg.useACMEHost;
        files = [ "cert.pem" "key.pem" "chain.pem" ];
        viaCredentials = true;
        option = "services.syncplay.useACMEHost";
      }
    );

    networking.firewall.allowedTCPPorts = [ cfg.port ];

    systemd.services.syncplay =
      let
        certDirectory = helpers.certDirectory cfg.useACMEHost;
      in
      {
        description = "Syncplay Service";
        wantedBy = [ "multi-user.target" ];
        after = [ "network-online.target" ];
        serviceConfig = {
          DynamicUser = true;
          LoadCredential =
            lib.optional (cfg.passwordFile != null) "password:${cfg.passwordFile}"
            ++ lib.optional (cfg.saltFile != null) "salt:${cfg.saltFile}"
            ++ lib.optionals (cfg.useACMEHost != null) [
              "cert.pem:${certDirectory}/cert.pem"
              "privkey.pem:${certDirectory}/key.pem"
              "chain.pem:${certDirectory}/chain.pem"
            ];
        };
      };
  };
}
