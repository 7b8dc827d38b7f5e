# Reposilite (Maven repository manager). As in NixOS, `useACMEHost` sets `settings.keyPath` to
# the certificate's `fullchain.pem` and `key.pem`; Reposilite reads them as its own user, so
# the certificate's group must let `services.reposilite.user` in (NixOS leaves that to the
# user and does not check it; `configlang.certConsumers` records it for ConfigLang's check).
{ config, lib, ... }:
let
  inherit (lib) mkOption mkIf types;

  cfg = config.services.reposilite;

  helpers = import ../../security/acme-helpers.nix { inherit lib config; };
  serviceAccount = import ../../config/service-account.nix { inherit lib; };

  settingsOptions = {
    options = {
      hostname = mkOption {
        type = types.str;
        default = "0.0.0.0";
        example = "127.0.0.1";
        description = "Address to bind to.";
      };

      port = mkOption {
        type = types.port;
        default = 3000;
        description = "TCP port to listen on.";
      };

      sslEnabled = mkOption {
        type = types.bool;
        default = false;
        description = "Whether to accept TLS connections on `sslPort`.";
      };

      sslPort = mkOption {
        type = types.port;
        default = 443;
        description = "TCP port of the TLS listener.";
      };

      keyPath = mkOption {
        type = types.nullOr types.str;
        default = null;
        example = "\${WORKING_DIRECTORY}/cert.pem \${WORKING_DIRECTORY}/key.pem";
        description = ''
          Certificate and key paths separated by a space (or a Java KeyStore path). Set from
          `useACMEHost` when that is used.
        '';
      };

      enforceSsl = mkOption {
        type = types.bool;
        default = false;
        description = "Whether to redirect all plain traffic to TLS.";
      };
    };
  };
in
{
  options.services.reposilite = {
    enable = mkOption {
      type = types.bool;
      default = false;
      example = true;
      description = "Whether to enable Reposilite.";
    };

    user = mkOption {
      type = types.accountName;
      default = "reposilite";
      description = "User account Reposilite runs as.";
    };

    group = mkOption {
      type = types.accountName;
      default = "reposilite";
      description = "Group Reposilite runs as.";
    };

    useACMEHost = mkOption {
      type = types.nullOr types.str;
      default = null;
      description = ''
        Name of an existing certificate in `security.acme.certs` to use for TLS. Make sure
        the `reposilite` user or group can read it, for example through
        `security.acme.certs.<cert>.group`. This neither creates the certificate nor adds
        names to it.
      '';
    };

    workingDirectory = mkOption {
      type = types.path;
      default = "/var/lib/reposilite";
      description = "Working directory of Reposilite.";
    };

    openFirewall = mkOption {
      type = types.bool;
      default = false;
      description = "Whether to open Reposilite's ports (the TLS port too when enabled).";
    };

    extraArgs = mkOption {
      type = types.listOf types.str;
      default = [ ];
      description = "Further arguments for Reposilite.";
    };

    settings = mkOption {
      type = types.submodule settingsOptions;
      default = { };
      description = "Settings written to Reposilite's configuration file.";
    };
  };

  config = mkIf cfg.enable {
    assertions = [
      {
        assertion = cfg.settings.sslEnabled -> cfg.settings.keyPath != null;
        message = ''
          Reposilite is configured to enable SSL, but no certificate paths were given in
          `services.reposilite.settings.keyPath` (or through `services.reposilite.useACMEHost`).
        '';
      }
      {
        assertion = cfg.settings.enforceSsl -> cfg.settings.sslEnabled;
        message = "You cannot enforce SSL if SSL is not enabled.";
      }
    ];

    services.reposilite.settings.keyPath = mkIf (cfg.useACMEHost != null) (
      let
        certDirectory = helpers.certDirectory cfg.useACMEHost;
      in
      "${certDirectory}/fullchain.pem ${certDirectory}/key.pem"
    );

    # Only a TLS listener opens the files.
    configlang.certConsumers = lib.optional (cfg.useACMEHost != null && cfg.settings.sslEnabled) (
      helpers.consumer {
        unit = "reposilite";
        cert = cfg.useACMEHost;
        option = "services.reposilite.useACMEHost";
      }
    );

    networking.firewall = mkIf cfg.openFirewall {
      allowedTCPPorts = [ cfg.settings.port ] ++ lib.optional cfg.settings.sslEnabled cfg.settings.sslPort;
    };

    systemd.services.reposilite = {
      description = "Reposilite";
      wantedBy = [ "multi-user.target" ];
      after = [ "network.target" ];
      serviceConfig = {
        User = cfg.user;
        Group = cfg.group;
        WorkingDirectory = cfg.workingDirectory;
      };
    };

    users = serviceAccount {
      name = "reposilite";
      inherit (cfg) user group;
    };
  };
}
