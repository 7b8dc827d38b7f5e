# Just enough of `systemd.services` for certificate consumers. Service modules record the
# account a unit runs as (`serviceConfig.User`, `Group`, `SupplementaryGroups`), exactly where
# NixOS keeps it, and users keep their NixOS habit of granting a unit access with
# `systemd.services.nginx.serviceConfig.SupplementaryGroups = [ "acme" ];`. The ownership check
# (security/cert-ownership.nix) reads these fields. ConfigLang starts no units from here.
{ lib, ... }:
let
  inherit (lib) mkOption types;

  # systemd settings are loosely typed key/value pairs, as in NixOS; list values from several
  # definitions are concatenated (two modules may both add SupplementaryGroups), other values
  # must agree.
  unitSettings = types.attrsOf (types.either (types.listOf types.anything) types.anything);

  unitNames = mkOption {
    type = types.listOf types.str;
    default = [ ];
    description = "Names of other units.";
  };

  serviceOptions =
    { name, ... }:
    {
      options = {
        enable = mkOption {
          type = types.bool;
          default = true;
          description = "Whether this unit is part of the system.";
        };

        description = mkOption {
          type = types.str;
          default = "";
          description = "Short human-readable description of the unit.";
        };

        wantedBy = unitNames;
        requiredBy = unitNames;
        wants = unitNames;
        requires = unitNames;
        after = unitNames;
        before = unitNames;

        serviceConfig = mkOption {
          type = unitSettings;
          default = { };
          example = {
            User = "nginx";
            SupplementaryGroups = [ "acme" ];
          };
          description = ''
            Settings of the `[Service]` section. An unset `User` means the unit runs as root.
          '';
        };

        unitConfig = mkOption {
          type = unitSettings;
          default = { };
          description = "Settings of the `[Unit]` section.";
        };

        environment = mkOption {
          type = types.attrsOf types.anything;
          default = { };
          description = "Environment variables of the service.";
        };

        path = mkOption {
          type = types.listOf types.anything;
          default = [ ];
          description = "Packages whose bin directories are put on PATH.";
        };

        script = mkOption {
          type = types.lines;
          default = "";
          description = "Shell commands run as the main process.";
        };

        preStart = mkOption {
          type = types.lines;
          default = "";
          description = "Shell commands run before the main process.";
        };

        postStart = mkOption {
          type = types.lines;
          default = "";
          description = "Shell commands run after the main process started.";
        };

        restartTriggers = mkOption {
          type = types.listOf types.anything;
          default = [ ];
          description = "Values whose change restarts the unit on a configuration switch.";
        };
      };
    };
in
{
  options.systemd.services = mkOption {
    type = types.attrsOf (types.submodule serviceOptions);
    default = { };
    description = "systemd service units of the host (only the settings ConfigLang reads).";
  };
}
