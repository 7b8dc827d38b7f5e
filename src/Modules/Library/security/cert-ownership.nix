# The check NixOS runs for every certificate a web server uses: each listed service must be
# able to read the certificate's files, which are owned by `acme` (or root) with the cert's
# group and mode 0640. A service passes when it runs as root, when its account is a member of
# the cert group (`users.groups.<group>.members`, filled from `extraGroups`), or when the cert
# group is its `Group=` or one of its `SupplementaryGroups=`.
#
# Usage (not a module):
#   certOwnership = import ../../security/cert-ownership.nix { inherit lib config; };
#   assertions = [ (certOwnership "example.org" [ { name = "nginx"; user = "nginx";
#                    group = "nginx"; supplementaryGroups = [ ]; } ]) ];
#
# Unlike NixOS, a cert group that is not declared in `users.groups` counts as having no
# members (NixOS fails with a missing-attribute error there), so the user gets this message.
# ACLs granted in `postRun` are not recognised, as in NixOS (NixOS/nixpkgs#208802).
{ lib, config }:
certName: services:
let
  cert = config.security.acme.certs.${certName};
  certGroupMembers = (config.users.groups.${cert.group} or { members = [ ]; }).members;

  groupsOf = svc: lib.optional (svc.group != null) svc.group ++ svc.supplementaryGroups;

  canRead =
    svc:
    svc.user == "root"
    || builtins.elem svc.user certGroupMembers
    || builtins.elem cert.group (groupsOf svc);

  describe =
    svc: "${svc.name} (user=${svc.user} groups=${lib.concatStringsSep "," (groupsOf svc)})";
in
{
  assertion = builtins.all canRead services;
  message = "Certificate ${cert.domain} (group=${cert.group}) must be readable by service(s) ${
    lib.concatStringsSep ", " (map describe services)
  }";
}
