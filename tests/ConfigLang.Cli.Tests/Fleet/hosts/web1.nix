# A pool member that shares its certificates through etcd.
{
  security.acme.acceptTerms = true;
  security.acme.defaults.email = "ops@example.org";
  security.acme.cluster = {
    enable = true;
    endpoints = [ "https://etcd1.example.org:2379" "https://etcd2.example.org:2379" ];
    encryptionKeyFile = "/run/secrets/acme-cluster.key";
  };
  security.acme.certs."example.org" = {
    extraDomainNames = [ "www.example.org" ];
    dnsProvider = "cloudflare";
  };
}
