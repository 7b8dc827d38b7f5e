# Users and groups, in the shape NixOS declares them. What matters for certificates is who can
# read a key: a service user reads a cert directory through the cert's group, either as its
# primary group or because `extraGroups` lists it. `users.groups.<g>.members` is therefore
# filled from every user's `extraGroups`, as in NixOS, so checks can ask a group for its
# members.
{ config, lib, ... }:
let
  inherit (lib) mkOption mkDefault types;

  allUsers = config.users.users;

  userOptions =
    { name, config, ... }:
    {
      options = {
        name = mkOption {
          type = types.accountName;
          description = "Login name of the account; defaults to the attribute name.";
        };

        uid = mkOption {
          type = types.nullOr types.int;
          default = null;
          description = "Numeric user id; `null` lets the system pick one.";
        };

        isSystemUser = mkOption {
          type = types.bool;
          default = false;
          description = ''
            Whether this is an account for a service (a uid below 1000, no login shell).
            Exactly one of `isSystemUser` and `isNormalUser` must be set.
          '';
        };

        isNormalUser = mkOption {
          type = types.bool;
          default = false;
          description = ''
            Whether this is an account for a person (a home directory under /home, member
            of `users`). Exactly one of `isSystemUser` and `isNormalUser` must be set.
          '';
        };

        # ConfigLang: NixOS takes any string; "" stays the "unset" its assertion reports.
        group = mkOption {
          type = types.either (types.enum [ "" ]) types.accountName;
          default = "";
          description = "Primary group of the account.";
        };

        extraGroups = mkOption {
          type = types.listOf types.accountName;
          default = [ ];
          example = [ "wheel" "acme" ];
          description = ''
            Supplementary groups. Adding a service user to a certificate's group (for example
            `users.users.nginx.extraGroups = [ "acme" ];`) lets the service read that
            certificate's key.
          '';
        };

        home = mkOption {
          type = types.passwdEntry types.path;
          default = "/var/empty";
          description = "Home directory of the account.";
        };

        shell = mkOption {
          type = types.nullOr (types.passwdEntry types.path);
          default = null;
          example = "/bin/zsh";
          description = ''
            The account's login shell, as a path on the host. `null` gives NixOS's choice:
            bash for `isNormalUser` accounts and root, `nologin` for system users.
          '';
        };

        homeMode = mkOption {
          type = types.str;
          default = "700";
          description = "Permission mode of the home directory when it is created.";
        };

        createHome = mkOption {
          type = types.bool;
          default = false;
          description = "Whether the home directory is created when missing.";
        };

        description = mkOption {
          type = types.passwdEntry types.str;
          default = "";
          example = "Alice Q. User";
          description = "Free text describing the account (the GECOS field).";
        };
      };

      config = {
        name = mkDefault name;
        home = lib.mkIf config.isNormalUser (mkDefault "/home/${config.name}");
        createHome = lib.mkIf config.isNormalUser (mkDefault true);
        group = lib.mkIf config.isNormalUser (mkDefault "users");
      };
    };

  groupOptions =
    { name, config, ... }:
    {
      options = {
        name = mkOption {
          type = types.accountName;
          description = "Name of the group; defaults to the attribute name.";
        };

        gid = mkOption {
          type = types.nullOr types.int;
          default = null;
          description = "Numeric group id; `null` lets the system pick one.";
        };

        members = mkOption {
          type = types.listOf types.accountName;
          default = [ ];
          description = ''
            User names of the members. Every user whose `extraGroups` names this group is
            added automatically.
          '';
        };
      };

      config = {
        name = mkDefault name;
        members = lib.mapAttrsToList (_: user: user.name) (
          lib.filterAttrs (_: user: builtins.elem config.name user.extraGroups) allUsers
        );
      };
    };

  # A uid below 1000 makes an account a system account even without `isSystemUser`, as NixOS
  # counts it (service modules that pin a uid do not set the flag).
  isEffectivelySystemUser = user: user.isSystemUser || (user.uid != null && user.uid < 1000);
in
{
  options.users = {
    # ConfigLang: NixOS checks only `:` and newlines, and only in `name`. Every name, attribute
    # names included, must be one entry of the account files that a root-run rebuild writes, so
    # a name that would add lines or members there is refused where it is written.
    users = mkOption {
      type = types.attrsWith {
        nameType = types.accountName;
        elemType = types.submodule userOptions;
      };
      default = { };
      description = "User accounts of the host.";
    };

    groups = mkOption {
      type = types.attrsWith {
        nameType = types.accountName;
        elemType = types.submodule groupOptions;
      };
      default = { };
      description = "Groups of the host.";
    };
  };

  config = {
    users.users = {
      root = {
        uid = 0;
        group = "root";
        home = "/root";
        description = "System administrator";
      };
      nobody = {
        uid = 65534;
        group = "nogroup";
        isSystemUser = true;
        description = "Unprivileged account (don't use!)";
      };
    };

    users.groups = {
      root.gid = 0;
      wheel.gid = 1;
      users.gid = 100;
      nogroup.gid = 65534;
    };

    assertions = lib.flatten (
      lib.mapAttrsToList (name: user: [
        {
          assertion = isEffectivelySystemUser user != user.isNormalUser;
          message = ''
            Exactly one of users.users.${name}.isSystemUser and users.users.${name}.isNormalUser must be set.
          '';
        }
        {
          assertion = user.group != "";
          message = ''
            users.users.${name}.group is unset. Give the account a primary group, for example:
              users.users.${name}.group = "${name}";
              users.groups.${name} = {};
          '';
        }
      ]) allUsers
    );

    warnings = lib.flatten (
      lib.mapAttrsToList (
        name: user:
        lib.optional (user.group != "" && !(config.users.groups ? ${user.group}))
          "users.users.${name}.group names the group `${user.group}', which is not declared in users.groups."
      ) allUsers
    );
  };
}
