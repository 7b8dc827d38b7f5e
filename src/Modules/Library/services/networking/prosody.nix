# Prosody XMPP server, reduced to its accounts and TLS files. NixOS has no `useACMEHost` here:
# `ssl.cert`/`ssl.key` (global, and per virtual host) take paths, commonly into
# `security.acme.certs.<name>.directory`. Prosody reads them as `services.prosody.user`; every
# path that points into a certificate directory is recorded in `configlang.certConsumers`.
# NixOS's XEP-0423 compliance assertions (MUC and file sharing required unless
# `xmppComplianceSuite = false`) are not reproduced: they do not concern certificates.
{ config, lib, ... }:
let
  inherit (lib) mkOption mkIf types;

  cfg = config.services.prosody;

  helpers = import ../../security/acme-helpers.nix { inherit lib config; };
  serviceAccount = import ../../config/service-account.nix { inherit lib; };

  sslOptions = {
    options = {
      cert = mkOption {
        type = types.path;
        description = "Path of the certificate file.";
      };
      key = mkOption {
        type = types.path;
        description = "Path of the key file.";
      };
      extraOptions = mkOption {
        type = types.attrs;
        default = { };
        description = "Further TLS settings.";
      };
    };
  };

  vhostOptions = {
    options = {
      domain = mkOption {
        type = types.str;
        description = "Domain name.";
      };
      enabled = mkOption {
        type = types.bool;
        default = false;
        description = "Whether to enable the virtual host.";
      };
      ssl = mkOption {
        type = types.nullOr (types.submodule sslOptions);
        default = null;
        description = "TLS files of the virtual host.";
      };
      extraConfig = mkOption {
        type = types.lines;
        default = "";
        description = "Further configuration of the virtual host.";
      };
    };
  };

  sslSettings =
    # The server-wide files are a fallback for any domain, so they name none.
    lib.optional (cfg.ssl != null) { ssl = cfg.ssl; option = "services.prosody.ssl"; names = [ ]; }
    ++ lib.flatten (
      lib.mapAttrsToList (
        name: vhost:
        lib.optional (vhost.ssl != null) {
          ssl = vhost.ssl;
          option = "services.prosody.virtualHosts.\"${name}\".ssl";
          names = [ vhost.domain ];
        }
      ) cfg.virtualHosts
    );
in
{
  options.services.prosody = {
    enable = mkOption {
      type = types.bool;
      default = false;
      description = "Whether to enable the Prosody server.";
    };

    user = mkOption {
      type = types.accountName;
      default = "prosody";
      description = "User account Prosody runs as (created when left at `prosody`).";
    };

    group = mkOption {
      type = types.accountName;
      default = "prosody";
      description = "Group Prosody runs as (created when left at `prosody`).";
    };

    dataDir = mkOption {
      type = types.path;
      default = "/var/lib/prosody";
      description = "Directory of Prosody's data.";
    };

    xmppComplianceSuite = mkOption {
      type = types.bool;
      default = true;
      description = "Whether to insist on the XEP-0423 server profile (not checked by ConfigLang).";
    };

    admins = mkOption {
      type = types.listOf types.str;
      default = [ ];
      example = [ "admin1@example.com" "admin2@example.com" ];
      description = "Administrators of the server.";
    };

    allowRegistration = mkOption {
      type = types.bool;
      default = false;
      description = "Whether accounts may be created by clients.";
    };

    ssl = mkOption {
      type = types.nullOr (types.submodule sslOptions);
      default = null;
      description = "TLS files of the server.";
    };

    virtualHosts = mkOption {
      type = types.attrsOf (types.submodule vhostOptions);
      default = {
        localhost = {
          domain = "localhost";
          enabled = true;
        };
      };
      example = {
        myhost = {
          domain = "my-xmpp-example-host.org";
          enabled = true;
        };
      };
      description = "Virtual hosts, by name.";
    };

    extraConfig = mkOption {
      type = types.lines;
      default = "";
      description = "Further Prosody configuration.";
    };
  };

  config = mkIf cfg.enable {
    configlang.certConsumers = lib.flatten (
      map (
        setting:
        helpers.consumersOfPaths {
          unit = "prosody";
          paths = [ setting.ssl.cert setting.ssl.key ];
          inherit (setting) option names;
        }
      ) sslSettings
    );

    systemd.services.prosody = {
      description = "Prosody XMPP server";
      wantedBy = [ "multi-user.target" ];
      after = [ "network-online.target" ];
      serviceConfig = {
        User = cfg.user;
        Group = cfg.group;
      };
    };

    users = serviceAccount {
      name = "prosody";
      inherit (cfg) user group;
      userSettings = {
        description = "Prosody user";
        home = cfg.dataDir;
      };
    };
  };
}
