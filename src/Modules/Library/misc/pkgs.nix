# A stand-in for nixpkgs' package set, given to every module as `pkgs` (as NixOS does with
# `_module.args.pkgs`). ConfigLang builds nothing: packages are store paths by name, and
# `writeText` returns the store path the file would get, so checks can see that its content
# ends up in the world-readable store. A host may replace it with its own `_module.args.pkgs`.
{ lib, ... }:
let
  storePath = name: content: "/nix/store/${builtins.substring 0 32 (builtins.hashString "sha256" "${name}:${content}")}-${name}";
  package = name: storePath name "package";
in
{
  config._module.args.pkgs = lib.mkDefault {
    writeText = name: text: storePath name text;
    writeTextFile = { name, text, ... }: storePath name text;
    acl = package "acl";
    coreutils = package "coreutils";
    lego = package "lego";
    nginx = package "nginx";
    openssl = package "openssl";
    cacert = package "cacert";
    httpd = package "apache-httpd";
    apacheHttpd = package "apache-httpd";
    caddy = package "caddy";
  };
}
