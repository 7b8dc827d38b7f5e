# coturn TURN server, reduced to its account and TLS files. As in NixOS there is no
# `useACMEHost`: `cert` and `pkey` take paths, commonly into
# `security.acme.certs.<name>.directory`, and the server always runs as user and group
# `turnserver` (no options for them). Paths into a certificate directory are recorded in
# `configlang.certConsumers`. NixOS pins the account's uid; here it is a system user.
{ config, lib, ... }:
let
  inherit (lib) mkOption mkIf types;

  cfg = config.services.coturn;

  helpers = import ../../security/acme-helpers.nix { inherit lib config; };
in
{
  options.services.coturn = {
    enable = mkOption {
      type = types.bool;
      default = false;
      example = true;
      description = "Whether to enable the coturn TURN server.";
    };

    listening-port = mkOption {
      type = types.int;
      default = 3478;
      description = "TURN listener port for UDP and TCP.";
    };

    tls-listening-port = mkOption {
      type = types.int;
      default = 5349;
      description = "TURN listener port for TLS and DTLS.";
    };

    listening-ips = mkOption {
      type = types.listOf types.str;
      default = [ ];
      example = [ "203.0.113.42" "2001:DB8::42" ];
      description = "Addresses to listen on; all when empty.";
    };

    min-port = mkOption {
      type = types.int;
      default = 49152;
      description = "Lowest port of the UDP relay endpoints.";
    };

    max-port = mkOption {
      type = types.int;
      default = 65535;
      description = "Highest port of the UDP relay endpoints.";
    };

    realm = mkOption {
      type = types.str;
      default = config.networking.hostName;
      example = "example.com";
      description = "Default realm of the users.";
    };

    use-auth-secret = mkOption {
      type = types.bool;
      default = false;
      description = "Whether to authenticate with a shared secret (TURN REST API).";
    };

    static-auth-secret = mkOption {
      type = types.nullOr types.str;
      default = null;
      description = "The shared secret (visible in the store; prefer `static-auth-secret-file`).";
    };

    static-auth-secret-file = mkOption {
      type = types.nullOr types.str;
      default = null;
      description = "File holding the shared secret.";
    };

    cert = mkOption {
      type = types.nullOr types.str;
      default = null;
      example = "/var/lib/acme/example.com/fullchain.pem";
      description = "Certificate file in PEM format.";
    };

    pkey = mkOption {
      type = types.nullOr types.str;
      default = null;
      example = "/var/lib/acme/example.com/key.pem";
      description = "Private key file in PEM format.";
    };

    no-tls = mkOption {
      type = types.bool;
      default = false;
      description = "Whether to disable the TLS listener.";
    };

    no-dtls = mkOption {
      type = types.bool;
      default = false;
      description = "Whether to disable the DTLS listener.";
    };

    extraConfig = mkOption {
      type = types.lines;
      default = "";
      description = "Further turnserver.conf lines.";
    };
  };

  config = mkIf cfg.enable {
    assertions = [
      {
        assertion = cfg.static-auth-secret != null -> cfg.static-auth-secret-file == null;
        message = "static-auth-secret and static-auth-secret-file cannot be set at the same time";
      }
    ];

    configlang.certConsumers = helpers.consumersOfPaths {
      unit = "coturn";
      paths = [ cfg.cert cfg.pkey ];
      option = "services.coturn.pkey";
    };

    systemd.services.coturn = {
      description = "coturn TURN server";
      wantedBy = [ "multi-user.target" ];
      after = [ "network-online.target" ];
      serviceConfig = {
        User = "turnserver";
        Group = "turnserver";
      };
    };

    users.users.turnserver = {
      description = "coturn TURN server user";
      group = "turnserver";
      isSystemUser = true;
    };

    users.groups.turnserver = {
      members = [ "turnserver" ];
    };
  };
}
