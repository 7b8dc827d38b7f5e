# Dovecot (`services.dovecot2`), reduced to its accounts and TLS files. As in NixOS there is no
# `useACMEHost`: `sslServerCert`, `sslServerKey` and `sslCACert` take paths, commonly into
# `security.acme.certs.<name>.directory`. The dovecot master process runs as root and reads
# the files before handing connections to its unprivileged processes, so the certificate's
# group does not matter; the consumer entry says `root`. The unit is `dovecot2.service`.
{ config, lib, ... }:
let
  inherit (lib) mkOption mkIf types;

  cfg = config.services.dovecot2;

  helpers = import ../../security/acme-helpers.nix { inherit lib config; };
  serviceAccount = import ../../config/service-account.nix { inherit lib; };

  account = serviceAccount {
    name = "dovecot2";
    inherit (cfg) user group;
    userSettings.description = "Dovecot user";
  };
in
{
  options.services.dovecot2 = {
    enable = mkOption {
      type = types.bool;
      default = false;
      description = "Whether to enable the Dovecot POP3/IMAP server.";
    };

    enableImap = mkOption {
      type = types.bool;
      default = true;
      description = "Whether to serve IMAP.";
    };

    enablePop3 = mkOption {
      type = types.bool;
      default = false;
      description = "Whether to serve POP3.";
    };

    enableLmtp = mkOption {
      type = types.bool;
      default = false;
      description = "Whether to serve LMTP.";
    };

    user = mkOption {
      type = types.accountName;
      default = "dovecot2";
      description = "Dovecot user name.";
    };

    group = mkOption {
      type = types.accountName;
      default = "dovecot2";
      description = "Dovecot group name.";
    };

    mailUser = mkOption {
      type = types.nullOr types.str;
      default = null;
      description = "Default user to store mail for virtual users.";
    };

    mailGroup = mkOption {
      type = types.nullOr types.str;
      default = null;
      description = "Default group to store mail for virtual users.";
    };

    sslCACert = mkOption {
      type = types.nullOr types.str;
      default = null;
      description = "Path to the server's CA certificate.";
    };

    sslServerCert = mkOption {
      type = types.nullOr types.str;
      default = null;
      description = "Path to the server's certificate.";
    };

    sslServerKey = mkOption {
      type = types.nullOr types.str;
      default = null;
      description = "Path to the server's private key.";
    };

    extraConfig = mkOption {
      type = types.lines;
      default = "";
      description = "Further dovecot.conf lines.";
    };
  };

  config = mkIf cfg.enable {
    configlang.certConsumers = helpers.consumersOfPaths {
      unit = "dovecot2";
      paths = [ cfg.sslServerCert cfg.sslServerKey cfg.sslCACert ];
      option = "services.dovecot2.sslServerKey";
    };

    # No User=: the master process is root.
    systemd.services.dovecot2 = {
      description = "Dovecot IMAP/POP3 server";
      wantedBy = [ "multi-user.target" ];
      after = [ "network.target" ];
    };

    users.users = {
      dovenull = {
        description = "Dovecot user for untrusted logins";
        group = "dovenull";
        isSystemUser = true;
      };
    }
    // account.users;

    users.groups = {
      dovenull = { };
    }
    // account.groups;
  };
}
