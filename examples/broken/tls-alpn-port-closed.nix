# TLS-ALPN-01 with ConfigLang's own listener, but the firewall (enabled by default) only opens HTTP.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."example.org".listenTLS = ":443";
  };
  networking.firewall.allowedTCPPorts = [ 80 ]; # MISTAKE: the CA connects to port 443 for TLS-ALPN-01; add 443
}
