# Our TLS-ALPN-01 listener together with a web root.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    defaults.webroot = "/var/lib/acme/acme-challenge";
    certs."example.org".listenTLS = ":443"; # MISTAKE: the inherited defaults.webroot is a second challenge method (set webroot = null here)
  };
}
