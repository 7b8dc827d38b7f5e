# Certificates built by a function and by lib.genAttrs: the finding points into the function
# body where the value is written, not at the first mention of the option name in the file.
{ lib, ... }:
let
  # server is mentioned here first, in a comment and a binding the certificates do not use.
  unusedServer = "https://acme-v02.api.letsencrypt.org/directory";
  staging = name: {
    extraDomainNames = [ "www.${name}" ];
    server = "https://acme-staging-v02.api.letsencrypt.org/directory";
  };
in
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    defaults.listenHTTP = ":80";
    certs = lib.genAttrs [ "example.org" ] (name: { extraDomainNames = [ "www.${name}" ]; })
      // { "www-staging" = staging "example.org" // { domain = "example.org"; }; };
  };
  networking.firewall.allowedTCPPorts = [ 80 ];
}
