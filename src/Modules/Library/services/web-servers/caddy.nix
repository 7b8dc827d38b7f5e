# Caddy, reduced to virtual hosts that use a certificate from `security.acme` (otherwise Caddy
# obtains certificates itself and `security.acme` is not involved). As in NixOS, a
# `useACMEHost` certificate gets group `caddy` (mkDefault) and `reloadServices =
# [ "caddy.service" ]`, Caddy reads `cert.pem` and `key.pem`, and the ownership assertion checks
# that the caddy account can read them.
{ config, lib, ... }:
let
  inherit (lib) mkOption mkIf mkDefault types;

  cfg = config.services.caddy;

  helpers = import ../../security/acme-helpers.nix { inherit lib config; };
  vhostAcme = import ./vhost-acme.nix { inherit lib config; };
  serviceAccount = import ../../config/service-account.nix { inherit lib; };

  vhostOptions =
    { name, ... }:
    {
      options = {
        hostName = mkOption {
          type = types.str;
          default = name;
          description = "Canonical host name of the virtual host; the attribute name unless set.";
        };

        serverAliases = mkOption {
          type = types.listOf types.str;
          default = [ ];
          example = [ "www.example.org" "example.org" ];
          description = "Further names of the virtual host.";
        };

        listenAddresses = mkOption {
          type = types.listOf types.str;
          default = [ ];
          example = [ "127.0.0.1" "::1" ];
          description = "Addresses to bind to; all when empty.";
        };

        useACMEHost = mkOption {
          type = types.nullOr types.str;
          default = null;
          description = ''
            Name of an existing certificate in `security.acme.certs` to serve instead of one Caddy
            obtains itself (useful for DNS providers Caddy does not support). This neither
            creates the certificate nor adds this host's names to it.
          '';
        };

        logFormat = mkOption {
          type = types.nullOr types.lines;
          default = ''
            output file ${cfg.logDir}/access-${name}.log
          '';
          description = "Log settings of the virtual host.";
        };

        extraConfig = mkOption {
          type = types.lines;
          default = "";
          description = "Caddyfile lines of the virtual host.";
        };
      };
    };

  vhosts = lib.attrValues cfg.virtualHosts;
  acmeHosts = vhostAcme.certNamesOf (vhost: vhost.useACMEHost) vhosts;
in
{
  options.services.caddy = {
    enable = mkOption {
      type = types.bool;
      default = false;
      description = "Whether to enable the Caddy web server.";
    };

    user = mkOption {
      type = types.accountName;
      default = "caddy";
      description = "User account Caddy runs as (created when left at `caddy`).";
    };

    group = mkOption {
      type = types.accountName;
      default = "caddy";
      description = "Group Caddy runs as (created when left at `caddy`).";
    };

    dataDir = mkOption {
      type = types.path;
      default = "/var/lib/caddy";
      description = "Data directory of Caddy.";
    };

    logDir = mkOption {
      type = types.path;
      default = "/var/log/caddy";
      description = "Directory of Caddy's access logs.";
    };

    email = mkOption {
      type = types.nullOr types.str;
      default = null;
      description = "Account e-mail address for the certificates Caddy obtains itself.";
    };

    acmeCA = mkOption {
      type = types.nullOr types.str;
      default = null;
      example = "https://acme-staging-v02.api.letsencrypt.org/directory";
      description = "ACME directory for the certificates Caddy obtains itself.";
    };

    globalConfig = mkOption {
      type = types.lines;
      default = "";
      description = "Lines of the Caddyfile's global options block.";
    };

    extraConfig = mkOption {
      type = types.lines;
      default = "";
      description = "Lines appended to the generated Caddyfile.";
    };

    virtualHosts = mkOption {
      type = types.attrsOf (types.submodule vhostOptions);
      default = { };
      description = "Virtual hosts, by name.";
    };
  };

  config = mkIf cfg.enable {
    assertions = vhostAcme.ownershipAssertions acmeHosts [ (helpers.accountOf "caddy") ];

    # Not vhostAcme.certs: unlike nginx and httpd, NixOS's caddy gives a `useACMEHost`
    # certificate its group, once per certificate.
    security.acme.certs = lib.genAttrs acmeHosts (certName: {
      group = mkDefault cfg.group;
      reloadServices = [ "caddy.service" ];
    });

    configlang.certConsumers = vhostAcme.consumers {
      unit = "caddy";
      inherit (cfg) virtualHosts;
      hostNameOf = name: vhost: vhost.hostName;
      certOf = vhost: vhost.useACMEHost;
      files = [ "cert.pem" "key.pem" ];
      optionPrefix = "services.caddy.virtualHosts";
    };

    systemd.services.caddy = {
      description = "Caddy";
      wantedBy = [ "multi-user.target" ];
      after = vhostAcme.acmeUnits acmeHosts;
      wants = vhostAcme.acmeUnits acmeHosts;
      serviceConfig = {
        User = cfg.user;
        Group = cfg.group;
      };
    };

    users = serviceAccount {
      name = "caddy";
      inherit (cfg) user group;
      userSettings.home = cfg.dataDir;
    };
  };
}
