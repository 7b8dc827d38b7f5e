# The wiki's Cloudflare example, verbatim: a wildcard certificate (the name goes into
# `domain`, never into the attribute name) validated over DNS-01, readable by nginx, which
# serves it for www.example.org.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs = {
      "example.org" = {
        domain = "*.example.org";
        group = "nginx";
        dnsProvider = "cloudflare";
        # location of your CLOUDFLARE_DNS_API_TOKEN=[value]
        # https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html#EnvironmentFile=
        environmentFile = "/home/admin/cloudflare";
      };
    };
  };

  # "so that the certificate files can be used by nginx later on"
  networking.firewall.allowedTCPPorts = [ 443 ];
  services.nginx = {
    enable = true;
    virtualHosts."www.example.org" = {
      onlySSL = true;
      useACMEHost = "example.org";
    };
  };
}
