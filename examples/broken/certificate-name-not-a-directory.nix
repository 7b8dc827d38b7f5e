# A certificate name that would put its directory outside /var/lib/acme.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."../../../../etc/x" = { # MISTAKE: the name becomes /var/lib/acme/<name>: one file name, no `/`, not starting with `.`
      domain = "example.org";
      listenHTTP = ":80";
    };
  };
}
