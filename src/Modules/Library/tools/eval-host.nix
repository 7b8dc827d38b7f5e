# Evaluates a host configuration against the library with stub-lib.nix (see check.sh).
#   nix-instantiate --eval --strict --json eval-host.nix --arg host ./host.nix
# gives { failed = [ messages of failing assertions ]; warnings = [ ... ]; };
# `--arg select '[ "security" "acme" "certs" ]'` gives that part of the configuration instead.
{ host, select ? null }:
let
  lib = import ./stub-lib.nix;
  result = lib.evalModules { modules = import ../module-list.nix ++ [ host ]; };
  cfg = result.config;
in
if select != null then
  lib.getAttrFromPath select cfg
else
  {
    failed = map (a: a.message) (builtins.filter (a: !a.assertion) cfg.assertions);
    warnings = cfg.warnings;
  }
