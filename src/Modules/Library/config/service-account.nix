# The account a service module creates, as each NixOS service module writes it: the system
# user and its primary group exist only while the service's `user` and `group` options keep
# their default name (whoever names another account declares it). Not a module:
#
#   serviceAccount = import ../../config/service-account.nix { inherit lib; };
#   users = serviceAccount { name = "nginx"; inherit (cfg) user group; };
#
# returns `{ users, groups }` for `users.users` and `users.groups`; `userSettings` adds to the
# user (a description, a home directory).
{ lib }:
{
  name,
  user,
  group,
  userSettings ? { },
}:
{
  users = lib.optionalAttrs (user == name) {
    ${name} = {
      inherit group;
      isSystemUser = true;
    }
    // userSettings;
  };

  groups = lib.optionalAttrs (group == name) { ${name} = { }; };
}
