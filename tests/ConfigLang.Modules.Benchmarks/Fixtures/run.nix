{ n ? 100 }:
let
  lib = import <configlang/lib>;
  eval = lib.evalModules { modules = [ ./options.nix (import ./host.nix { inherit n; }) ]; };
  certs = eval.config.security.acme.certs;
in
  builtins.length (builtins.filter (c: c.email != null && c.keyType == "ec256" && c.group != "" && c.directory != "") (builtins.attrValues certs))
  + builtins.length (builtins.filter (v: v.useACMEHost != null) (builtins.attrValues eval.config.services.nginx.virtualHosts))
