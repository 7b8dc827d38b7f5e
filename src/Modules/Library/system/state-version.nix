# `system.stateVersion`, present in almost every NixOS configuration. It pins defaults that
# depend on the release a host was installed with; ConfigLang's library has none of those, so
# the value is accepted and recorded only.
{ lib, ... }:
{
  options.system.stateVersion = lib.mkOption {
    type = lib.types.str;
    default = "25.11";
    example = "24.05";
    description = "NixOS release whose stateful defaults this host keeps.";
  };
}
