# The cluster's encryption key file exists where lint runs, but holds no 32-byte key in base64
# (and, checked out with mode 0644, every local user can read it). `toString` keeps the path as
# it is (a path value would be copied into the store).
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    cluster = {
      enable = true;
      endpoints = [ "https://etcd1.example.org:2379" ];
      encryptionKeyFile = toString ./secrets/acme-cluster.key; # MISTAKE: not a base64 32-byte key, and readable by all; head -c 32 /dev/urandom | base64, chmod 0600
    };
    certs."example.org".dnsProvider = "cloudflare";
  };
}
