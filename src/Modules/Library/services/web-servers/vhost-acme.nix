# The virtual-host ACME wiring nginx, httpd and caddy share (not a module). NixOS writes it
# once per web server; here it is written once, and each server module passes its own names:
# its unit, the account checked, how it spells its host name, the descriptions of its options.
#
#   vhostAcme = import ./vhost-acme.nix { inherit lib config; };
#
# - `options { certName, docs }`: the vhost options `enableACME`, `useACMEHost`, `acmeRoot`,
#   `addSSL`, `onlySSL`, `enableSSL` (hidden, removed in NixOS), `forceSSL` and the internal,
#   read-only `acmeCertName`, with NixOS's types and defaults; `docs.<option>` holds the
#   server's own description (and example).
# - `certNameOf hostName vhost`: the certificate a vhost uses (`useACMEHost`, or `hostName`
#   with `enableACME`), or null.
# - `certNamesOf certOf vhosts`: the distinct certificates of `vhosts`, in order.
# - `certs { vhosts, group, reloadService, extraCertConfig }`: the `security.acme.certs`
#   definitions: with `enableACME` the vhost's own certificate (group by mkDefault, aliases as
#   extra names, the challenge method at priority 1000 through `acmeRoot` or 2000 without), with
#   `useACMEHost` only `reloadServices`.
# - `consumers { unit, account, virtualHosts, hostNameOf, certOf, files, optionPrefix }`: one
#   `configlang.certConsumers` entry per vhost with a certificate, read by `unit` (as the
#   account its systemd unit runs as, unless `account` says otherwise).
# - `ownershipAssertions certNames accounts`, `acmeUnits certNames`, `countTrue`, and
#   `acmeConflictFree vhost` (not both `enableACME` and `useACMEHost`).
{ lib, config }:
let
  inherit (lib) mkOption mkDefault mkOverride types;

  helpers = import ../../security/acme-helpers.nix { inherit lib config; };
  certOwnership = import ../../security/cert-ownership.nix { inherit lib config; };
in
{
  options =
    { certName, docs }:
    {
      enableACME = mkOption ({ type = types.bool; default = false; } // docs.enableACME);

      useACMEHost = mkOption ({ type = types.nullOr types.str; default = null; } // docs.useACMEHost);

      acmeRoot = mkOption (
        { type = types.nullOr types.str; default = "/var/lib/acme/acme-challenge"; } // docs.acmeRoot
      );

      addSSL = mkOption ({ type = types.bool; default = false; } // docs.addSSL);

      onlySSL = mkOption ({ type = types.bool; default = false; } // docs.onlySSL);

      enableSSL = mkOption {
        type = types.bool;
        visible = false;
        default = false;
      };

      forceSSL = mkOption ({ type = types.bool; default = false; } // docs.forceSSL);

      acmeCertName = mkOption (
        {
          type = types.nullOr types.str;
          internal = true;
          readOnly = true;
          default = certName;
        }
        // docs.acmeCertName
      );
    };

  certNameOf =
    hostName: vhost:
    if vhost.useACMEHost != null then
      vhost.useACMEHost
    else if vhost.enableACME then
      hostName
    else
      null;

  certNamesOf = certOf: vhosts: lib.unique (builtins.filter (name: name != null) (map certOf vhosts));

  certs =
    {
      vhosts,
      group,
      reloadService,
      extraCertConfig ? vhost: { },
    }:
    let
      acmeVhosts = builtins.filter (vhost: vhost.acmeCertName != null) vhosts;
    in
    lib.mkMerge (
      map (
        vhost:
        let
          # acmeRoot set: force HTTP-01 over whatever `security.acme.defaults` says.
          # acmeRoot null: only a fallback, so the defaults (e.g. DNS-01) apply.
          challengePriority = if vhost.acmeRoot != null then 1000 else 2000;
        in
        if vhost.useACMEHost != null then
          { }
        else
          {
            ${vhost.acmeCertName} = {
              group = mkDefault group;
              webroot = mkOverride challengePriority vhost.acmeRoot;
              dnsProvider = mkOverride challengePriority null;
              # ConfigLang: the TLS-ALPN-01 listener would compete with the server for port 443.
              listenTLS = mkOverride challengePriority null;
              extraDomainNames = vhost.serverAliases;
            }
            // extraCertConfig vhost;
          }
      ) acmeVhosts
      # The server reloads once per certificate, however many of its virtual hosts use it
      # (NixOS takes the certificate names of the virtual hosts with `unique`).
      ++ [
        (lib.genAttrs (lib.unique (map (vhost: vhost.acmeCertName) acmeVhosts)) (_: {
          reloadServices = [ reloadService ];
        }))
      ]
    );

  consumers =
    {
      unit,
      # For a server whose unit does not say who reads the files (httpd): `{ user, group }`,
      # recorded as they are (no supplementary groups).
      account ? null,
      virtualHosts,
      hostNameOf,
      certOf ? vhost: vhost.acmeCertName,
      files,
      optionPrefix,
    }:
    lib.flatten (
      lib.mapAttrsToList (
        name: vhost:
        let
          entry = {
            inherit unit files;
            cert = certOf vhost;
            names = [ (hostNameOf name vhost) ] ++ vhost.serverAliases;
            option = "${optionPrefix}.\"${name}\".${
              if vhost.useACMEHost != null then "useACMEHost" else "enableACME"
            }";
          };
        in
        lib.optional (certOf vhost != null) (
          if account == null then
            helpers.consumer entry
          else
            {
              service = unit;
              inherit (entry) cert files names option;
              inherit (account) user group;
            }
        )
      ) virtualHosts
    );

  ownershipAssertions = certNames: accounts: map (certName: certOwnership certName accounts) certNames;

  acmeUnits = map (certName: "acme-${certName}.service");

  acmeConflictFree = vhost: !(vhost.enableACME && vhost.useACMEHost != null);

  countTrue = values: builtins.length (builtins.filter (value: value) values);
}
