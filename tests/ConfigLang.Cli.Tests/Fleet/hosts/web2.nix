# The second pool member, in the same cluster: it shares "example.org" with web1.
{
  security.acme.acceptTerms = true;
  security.acme.defaults.email = "ops@example.org";
  security.acme.cluster = {
    enable = true;
    endpoints = [ "https://etcd2.example.org:2379" "https://etcd1.example.org:2379" ];
    encryptionKeyFile = "/run/secrets/acme-cluster.key";
  };
  security.acme.certs."example.org" = {
    extraDomainNames = [ "www.example.org" ];
    dnsProvider = "cloudflare";
  };
}
