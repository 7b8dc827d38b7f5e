# The DNS providers (lego codes) that ConfigLang's ACME executor implements: the values
# `security.acme.*.dnsProvider` accepts. Not a module; acme.nix imports it.
#
# This is the one list of names on the option side. The Modules layer cannot see the executor,
# so a CLI test (DnsProviderListTests) checks that it equals the executor's DnsProviderRegistry:
# adding a provider there without adding it here (or the reverse) fails that test.
[
  "acme-dns"
  "azuredns"
  "cloudflare"
  "desec"
  "digitalocean"
  "dnsimple"
  "duckdns"
  "exec"
  "gandiv5"
  "gcloud"
  "godaddy"
  "hetzner"
  "httpreq"
  "inwx"
  "linode"
  "namecheap"
  "ovh"
  "pdns"
  "porkbun"
  "rfc2136"
  "route53"
  "vultr"
]
