# A `/* */` comment that mentions the option before its definition.
{ ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    /* certs."example.org".extraDomainNames = [ "shop.example.org" ]; */
    certs."example.org" = {
      listenHTTP = ":80";
      extraDomainNames =
        [ "bücher.example.org" ];
    };
  };
  networking.firewall.allowedTCPPorts = [ 80 ];
}
