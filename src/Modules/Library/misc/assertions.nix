# The two lists every module may contribute to: conditions that must hold (a failing one stops
# the evaluation with its message) and warnings (printed, evaluation goes on). ConfigLang reads
# both after merging; the C# side reports each failing assertion as a diagnostic.
{ lib, ... }:
let
  inherit (lib) mkOption types;
in
{
  options = {
    assertions = mkOption {
      # Kept loose like NixOS (elements are { assertion, message } attribute sets), so modules
      # written for NixOS that add extra attributes still evaluate.
      type = types.listOf types.anything;
      internal = true;
      default = [ ];
      example = [
        {
          assertion = false;
          message = "this service cannot be enabled together with that one";
        }
      ];
      description = ''
        Conditions that must hold for the configuration to be accepted. Each element is an
        attribute set `{ assertion = <bool>; message = <string>; }`; every failing one is
        reported with its message.
      '';
    };

    warnings = mkOption {
      type = types.listOf types.str;
      internal = true;
      default = [ ];
      example = [ "The `foo' service is deprecated." ];
      description = ''
        Messages shown to the user after evaluation; they do not stop it.
      '';
    };
  };
}
