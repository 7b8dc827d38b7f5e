# Postfix, reduced to its accounts and TLS files. As in NixOS (up to 25.05) `sslCert` and
# `sslKey` take paths, commonly into `security.acme.certs.<name>.directory`; there is no
# `useACMEHost`. The postfix master runs as root and opens the files for its daemons, so the
# certificate's group does not matter; the consumer entry says `root`.
{ config, lib, ... }:
let
  inherit (lib) mkOption mkIf types;

  cfg = config.services.postfix;

  helpers = import ../../security/acme-helpers.nix { inherit lib config; };
  serviceAccount = import ../../config/service-account.nix { inherit lib; };

  account = serviceAccount {
    name = "postfix";
    inherit (cfg) user group;
    userSettings.description = "Postfix mail server user";
  };
in
{
  options.services.postfix = {
    enable = mkOption {
      type = types.bool;
      default = false;
      description = "Whether to run the Postfix mail server.";
    };

    user = mkOption {
      type = types.accountName;
      default = "postfix";
      description = "What to call the Postfix user (must be used only for postfix).";
    };

    group = mkOption {
      type = types.accountName;
      default = "postfix";
      description = "What to call the Postfix group (must be used only for postfix).";
    };

    setgidGroup = mkOption {
      type = types.str;
      default = "postdrop";
      description = "Group of the setgid helpers postdrop and postqueue.";
    };

    hostname = mkOption {
      type = types.str;
      default = "";
      description = "Hostname to use; the system's when empty.";
    };

    domain = mkOption {
      type = types.str;
      default = "";
      description = "Domain to use; derived from the hostname when empty.";
    };

    origin = mkOption {
      type = types.str;
      default = "";
      description = "Origin to use in outgoing e-mail; the domain when empty.";
    };

    sslCert = mkOption {
      type = types.str;
      default = "";
      description = "TLS certificate to use.";
    };

    sslKey = mkOption {
      type = types.str;
      default = "";
      description = "TLS key to use.";
    };

    config = mkOption {
      type = types.attrsOf types.anything;
      default = { };
      description = "Further main.cf settings.";
    };

    extraConfig = mkOption {
      type = types.lines;
      default = "";
      description = "Further main.cf lines.";
    };
  };

  config = mkIf cfg.enable {
    configlang.certConsumers = helpers.consumersOfPaths {
      unit = "postfix";
      paths = [ cfg.sslCert cfg.sslKey ];
      option = "services.postfix.sslKey";
    };

    # No User=: the master process is root.
    systemd.services.postfix = {
      description = "Postfix mail server";
      wantedBy = [ "multi-user.target" ];
      after = [ "network.target" ];
    };

    users.users = account.users;

    users.groups =
      account.groups // lib.optionalAttrs (cfg.setgidGroup == "postdrop") { ${cfg.setgidGroup} = { }; };
  };
}
