# An old host outside the cluster that still orders the pool's names itself, over HTTP-01.
{
  security.acme.acceptTerms = true;
  security.acme.defaults.email = "ops@example.org";
  networking.firewall.allowedTCPPorts = [ 80 ];
  security.acme.certs."www.example.org" = {
    extraDomainNames = [ "example.org" ];
    listenHTTP = ":80";
  };
}
