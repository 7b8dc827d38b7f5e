{ ... }:
{
  security.acme.certs."example.org" = {
    webroot = "/var/lib/acme/acme-challenge";
    dnsProvider = "cloudflare";
  };
  security.acme.certs."www.example.org".listenHTTP = ":80";
}
