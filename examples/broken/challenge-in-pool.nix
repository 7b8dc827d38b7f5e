# A pool member that shares its certificates through etcd but validates them over HTTP-01: behind
# the pool's shared name the CA's request may reach another member, which cannot answer.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    cluster = {
      enable = true;
      endpoints = [ "https://etcd1.example.org:2379" "https://etcd2.example.org:2379" ];
      encryptionKeyFile = "/run/secrets/acme-cluster.key";
    };
    certs."www.example.org" = {
      listenHTTP = ":80"; # MISTAKE: another member may receive the CA's request; use dnsProvider, or set cluster.soleReceiver when this host alone gets the traffic
    };
  };
  networking.firewall.allowedTCPPorts = [ 80 ];
}
