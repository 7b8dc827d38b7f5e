# The same option in two certificates: the finding is about the second one's server.
{ ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    defaults.listenHTTP = ":80";
    certs."example.org" = {
      extraDomainNames = [ "www.example.org" ];
      server = "https://acme-v02.api.letsencrypt.org/directory";
    };
    certs."www.example.org" = {
      server = "https://acme-staging-v02.api.letsencrypt.org/directory";
    };
  };
  networking.firewall.allowedTCPPorts = [ 80 ];
}
