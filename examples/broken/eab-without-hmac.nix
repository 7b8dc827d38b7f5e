# External account binding with only half of its credentials.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults = {
      email = "admin@example.org";
      server = "https://acme.zerossl.com/v2/DV90";
      eab.kid = "kid-from-zerossl"; # MISTAKE: eab.hmacFile (the HMAC key file) is missing
    };
    certs."example.org".listenHTTP = ":80";
  };
  networking.firewall.allowedTCPPorts = [ 80 ];
}
