# Small functions shared by the modules that consume certificates (not a module).
#
#   helpers = import ../../security/acme-helpers.nix { inherit lib config; };
#
# - `accountOf "nginx"`: the account a systemd unit runs as, read from
#   `systemd.services.nginx.serviceConfig` (unset `User` = root), in the shape
#   cert-ownership.nix and `configlang.certConsumers` take.
# - `certNameOfPath "/var/lib/acme/example.org/key.pem"`: the certificate a path points into,
#   or null when the path is not inside a declared certificate's directory. Service modules
#   whose cert/key options take plain paths (coturn, prosody, dovecot2, postfix) use it to
#   tell which certificate they read.
# - `certDirectory name`: `security.acme.certs.<name>.directory`.
{ lib, config }:
let
  certs = config.security.acme.certs;

  asList = value: if builtins.isList value then value else [ value ];
in
rec {
  accountOf =
    unitName:
    let
      settings = config.systemd.services.${unitName}.serviceConfig;
    in
    {
      name = unitName;
      user = settings.User or "root";
      group = settings.Group or null;
      supplementaryGroups = asList (settings.SupplementaryGroups or [ ]);
    };

  certNameOfPath =
    path:
    let
      match = if path == null then null else builtins.match "/var/lib/acme/([^/]+)/.+" (toString path);
      candidate = builtins.head match;
    in
    if match != null && certs ? ${candidate} then candidate else null;

  certDirectory = name: certs.${name}.directory;

  # One `configlang.certConsumers` entry for a unit reading `files` of certificate `cert`,
  # serving the host `names` (empty when unknown).
  consumer =
    {
      unit,
      cert,
      files ? [ "fullchain.pem" "key.pem" ],
      viaCredentials ? false,
      option ? null,
      names ? [ ],
    }:
    let
      account = accountOf unit;
    in
    {
      service = unit;
      inherit cert files viaCredentials option names;
      inherit (account) user group supplementaryGroups;
    };

  # Consumer entries for a unit whose certificate and key options hold plain paths: one entry
  # per certificate those paths point into (none when they point elsewhere).
  consumersOfPaths =
    {
      unit,
      paths,
      option ? null,
      names ? [ ],
    }:
    let
      named = builtins.filter (entry: entry.cert != null) (
        map (path: {
          cert = certNameOfPath path;
          file = baseNameOf (toString path);
        }) (builtins.filter (path: path != null && path != "") paths)
      );
      certNames = lib.unique (map (entry: entry.cert) named);
    in
    map (
      name:
      consumer {
        inherit unit option names;
        cert = name;
        files = map (entry: entry.file) (builtins.filter (entry: entry.cert == name) named);
      }
    ) certNames;
}
