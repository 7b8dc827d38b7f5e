# The subset of the NixOS firewall that ACME setups touch: the ports a web server must open for
# HTTP-01 (80) and TLS-ALPN-01 (443), as single ports, ranges, or per interface. ConfigLang does
# not program a packet filter; the lint step compares these lists with the challenge each
# certificate uses.
{ lib, ... }:
let
  inherit (lib) mkOption types;

  portRanges = description: mkOption {
    type = types.listOf (types.attrsOf types.port);
    default = [ ];
    example = [ { from = 8999; to = 9003; } ];
    inherit description;
  };

  interfaceOptions = {
    options = {
      allowedTCPPorts = mkOption {
        type = types.listOf types.port;
        default = [ ];
        description = "TCP ports open on this interface.";
      };
      allowedTCPPortRanges = portRanges "TCP port ranges (`{ from; to; }`) open on this interface.";
      allowedUDPPorts = mkOption {
        type = types.listOf types.port;
        default = [ ];
        description = "UDP ports open on this interface.";
      };
      allowedUDPPortRanges = portRanges "UDP port ranges (`{ from; to; }`) open on this interface.";
    };
  };
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

    allowedTCPPortRanges = portRanges "Ranges of TCP ports (`{ from; to; }`, inclusive) on which incoming connections are accepted.";

    allowedUDPPortRanges = portRanges "Ranges of UDP ports (`{ from; to; }`, inclusive) on which incoming packets are accepted.";

    interfaces = mkOption {
      type = types.attrsOf (types.submodule interfaceOptions);
      default = { };
      example = { eth0.allowedTCPPorts = [ 80 443 ]; };
      description = "Ports open on one network interface only, by interface name.";
    };
  };
}
