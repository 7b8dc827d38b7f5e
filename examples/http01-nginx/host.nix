# The wiki's "Basics" and "HTTP challenge" snippets together (verbatim, each as one imported
# module): one certificate for example.org with two extra names, validated over HTTP-01
# through the web root that nginx serves on port 80.
{ config, pkgs, lib, ... }:
let
  domainName = "example.org";
in
{
  imports = [
    # Basics
    (
      let
        domainName = "example.org";
      in
      {
        security.acme = {
          acceptTerms = true;
          defaults.email = "admin@${domainName}";
          certs = {
            "${domainName}" = {
              group = config.services.nginx.group;
              extraDomainNames = [
                "mail.${domainName}"
                "www.${domainName}"
              ];
            };
          };
        };
      }
    )

    # HTTP challenge
    {
      security.acme = {
        defaults.webroot = "/var/lib/acme/acme-challenge/";
        # We are using nginx as webserver, therefore set correct key permissions
        certs."${domainName}".group = config.services.nginx.group;
      };
      # for acme plain http challenge
      networking.firewall.allowedTCPPorts = [ 80 ];
      # webserver for http challenge
      services.nginx = {
        enable = true;
        virtualHosts."${domainName}" = {
          forceSSL = true;
          useACMEHost = "${domainName}";
          locations."/.well-known/".root = "/var/lib/acme/acme-challenge/";
        };
      };
    }
  ];
}
