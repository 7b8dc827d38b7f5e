# security.acme.cluster: hosts that share their certificates through etcd, so a pool of hosts
# behind one name orders each certificate once (not once per host, which runs into the CA's
# duplicate-certificate limit). ConfigLang's own options: NixOS has no equivalent.
{ config, lib, ... }:

let
  inherit (lib) mkOption types;
  cfg = config.security.acme.cluster;
  option = name: "security.acme.cluster.${name}";
in
{
  options.security.acme.cluster = {
    enable = mkOption {
      type = types.bool;
      default = false;
      description = ''
        Share this host's certificates with the other hosts of an etcd cluster: before ordering
        a certificate, a host takes a lock on its name in etcd and uses the certificate another
        host stored there if it still satisfies the configuration; otherwise it orders it and
        stores it (private keys encrypted) for the others.
      '';
    };

    endpoints = mkOption {
      type = types.listOf (types.strMatching "https?://[^/[:space:]@]+(/)?");
      default = [ ];
      example = [ "https://etcd1.example.org:2379" "https://etcd2.example.org:2379" ];
      description = ''
        The etcd members' client URLs (`http://` or `https://`, host and port, no path). Any
        reachable member serves; with none reachable the rebuild fails and leaves the local
        certificates as they are.
      '';
    };

    caFile = mkOption {
      type = types.nullOr types.path;
      default = null;
      description = "PEM file of the CA that signed the etcd members' certificates (for `https://` endpoints).";
    };

    certFile = mkOption {
      type = types.nullOr types.path;
      default = null;
      description = "Client certificate (PEM) for etcd's mutual TLS; set together with `keyFile`.";
    };

    keyFile = mkOption {
      type = types.nullOr types.path;
      default = null;
      description = "Private key (PEM) of `certFile`. Keep it readable by root only.";
    };

    prefix = mkOption {
      type = types.strMatching "/[^[:space:]]*";
      default = "/configlang/acme";
      description = "The etcd key prefix under which certificates, accounts and locks are kept.";
    };

    encryptionKeyFile = mkOption {
      type = types.nullOr types.path;
      default = null;
      example = "/run/secrets/acme-cluster.key";
      description = ''
        File holding the 32-byte key (base64) with which private keys are encrypted in etcd
        (AES-256-GCM); the same key on every host of the cluster. Required when the cluster is
        enabled. Keep it readable by root only, out of the store.
      '';
    };

    lockTTL = mkOption {
      type = types.ints.between 5 3600;
      default = 30;
      description = ''
        Seconds the lease behind a certificate's lock lives without a keep-alive: a host that dies
        while ordering holds the lock at most this long before another host takes over.
      '';
    };

    soleReceiver = mkOption {
      type = types.bool;
      default = false;
      description = ''
        Declares that this host alone receives the traffic for the names of its certificates.
        Behind a shared name the CA's HTTP-01 or TLS-ALPN-01 request may reach any member of the
        pool, which cannot answer a challenge another member started; lint warns about such
        certificates unless this is set. DNS-01 has no such problem.
      '';
    };
  };

  config = lib.mkIf cfg.enable {
    assertions = [
      {
        assertion = cfg.endpoints != [ ];
        message = "`${option "enable"}` is true but `${option "endpoints"}` is empty: name at least one etcd member's client URL.";
      }
      {
        assertion = cfg.encryptionKeyFile != null;
        message = "`${option "enable"}` is true but `${option "encryptionKeyFile"}` is not set: private keys are stored in etcd only encrypted, with the key in that file.";
      }
      {
        assertion = (cfg.certFile == null) == (cfg.keyFile == null);
        message = "`${option "certFile"}` and `${option "keyFile"}` are set together (etcd's mutual TLS needs both) or not at all.";
      }
    ];
  };
}
