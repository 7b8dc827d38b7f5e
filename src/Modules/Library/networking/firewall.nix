# The subset of the NixOS firewall that ACME setups touch: the ports a web server must open for
# HTTP-01 (80) and TLS-ALPN-01 (443). ConfigLang does not program a packet filter; the lint
# step compares these lists with the challenge each certificate uses.
{ lib, ... }:
let
  inherit (lib) mkOption types;
in
{
  options.networking.firewall = {
    enable = mkOption {
      type = types.bool;
      default = true;
      description = ''
        Whether the host filters incoming connections. When it does, only the ports listed in
        `allowedTCPPorts` and `allowedUDPPorts` are reachable from outside.
      '';
    };

    allowedTCPPorts = mkOption {
      type = types.listOf types.port;
      default = [ ];
      example = [ 22 80 443 ];
      description = "TCP ports on which incoming connections are accepted.";
    };

    allowedUDPPorts = mkOption {
      type = types.listOf types.port;
      default = [ ];
      example = [ 53 ];
      description = "UDP ports on which incoming packets are accepted.";
    };
  };
}
