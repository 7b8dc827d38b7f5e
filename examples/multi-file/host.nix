# A host split across files, as larger configurations are: the ACME account settings here, the
# certificates in certs.nix, the web server in web.nix. The module system merges them; lint
# points a mistake at the file and line that holds it.
{ config, pkgs, lib, ... }:
{
  imports = [
    ./certs.nix
    ./web.nix
  ];

  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
  };
  networking.firewall.allowedTCPPorts = [ 80 443 ];
}
