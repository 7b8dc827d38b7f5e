# One name ordered twice: from Let's Encrypt production (the default) and, by a test setting
# left behind, from staging, whose certificates browsers do not trust.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    defaults.listenHTTP = ":80";
    certs."example.org" = {
      extraDomainNames = [ "www.example.org" ];
    };
    certs."www.example.org" = {
      server = "https://acme-staging-v02.api.letsencrypt.org/directory"; # MISTAKE: staging for a name production also serves
    };
  };
  networking.firewall.allowedTCPPorts = [ 80 ];
}
