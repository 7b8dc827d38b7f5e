# A certificate without any challenge method.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."example.org".extraDomainNames = [ "www.example.org" ]; # MISTAKE: none of dnsProvider, webroot, listenHTTP, listenTLS, s3Bucket is set
  };
}
