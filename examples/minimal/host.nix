# A minimal host: one certificate for example.org, validated over HTTP-01 through nginx.
{ config, pkgs, lib, ... }:
let
  domainName = "example.org";
in
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@${domainName}";
    defaults.webroot = "/var/lib/acme/acme-challenge";
    certs."${domainName}" = {
      group = config.services.nginx.group;
      extraDomainNames = [ "www.${domainName}" ];
    };
  };

  # The CA connects to port 80 for HTTP-01; 443 for the site itself.
  networking.firewall.allowedTCPPorts = [ 80 443 ];

  services.nginx = {
    enable = true;
    virtualHosts."${domainName}" = {
      forceSSL = true;
      useACMEHost = domainName;
    };
  };
}
