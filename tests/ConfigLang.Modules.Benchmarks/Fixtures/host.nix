{ n }:
{ lib, ... }:
{
  services.nginx.enable = true;
  security.acme.defaults.email = "admin@example.org";
  security.acme.certs = lib.listToAttrs (map (i: lib.nameValuePair "cert${toString i}.example.org" {
    extraDomainNames = [ "www.cert${toString i}.example.org" ];
    webroot = "/var/lib/acme/acme-challenge";
  }) (lib.range 1 n));
  services.nginx.virtualHosts = lib.listToAttrs (map (i: lib.nameValuePair "site${toString i}.example.org" {
    useACMEHost = "cert${toString i}.example.org";
    forceSSL = true;
  }) (lib.range 1 n));
}
