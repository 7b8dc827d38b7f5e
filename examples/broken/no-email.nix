# No account e-mail address, neither in defaults nor on the certificate.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    certs."example.org".webroot = "/var/lib/acme/acme-challenge"; # MISTAKE: no email here or in security.acme.defaults.email
  };
}
