# What the three web servers of the pool share: the etcd cluster they keep their certificates in,
# the ACME server (the local testbed of run.sh), DNS-01 through RFC 2136 (behind one name the
# CA's HTTP-01 request may reach any member, see security.acme.cluster.soleReceiver), and the
# certificates of the names the pool serves. Each host file imports this and adds its own.
{ config, lib, ... }:
let
  zone = "example.test";
  shared = [ "www" "api" "shop" "static" "mail" ];
in
{
  security.acme = {
    acceptTerms = true;
    defaults = {
      email = "admin@${zone}";
      server = "https://127.0.0.1:14420/dir"; # run.sh's pebble
      dnsProvider = "rfc2136";
      dnsPropagationCheck = false; # knot applies updates synchronously
      environmentFile = "/run/secrets/rfc2136.env"; # RFC2136_NAMESERVER, RFC2136_TSIG_*
      group = config.services.nginx.group;
      reloadServices = [ "nginx.service" ];
    };
    certs = lib.genAttrs (map (name: "${name}.${zone}") shared) (_: { });
    cluster = {
      enable = true;
      # run.sh's three etcd members; any reachable one serves.
      endpoints = [ "http://127.0.0.1:23891" "http://127.0.0.1:23892" "http://127.0.0.1:23893" ];
      # The same 32-byte key (base64) on every host; private keys are stored only encrypted with it.
      encryptionKeyFile = "/run/secrets/acme-cluster.key";
      lockTTL = 10;
    };
  };
  services.nginx = {
    enable = true;
    virtualHosts = lib.genAttrs (map (name: "${name}.${zone}") shared) (host: {
      forceSSL = true;
      useACMEHost = host;
    });
  };
}
