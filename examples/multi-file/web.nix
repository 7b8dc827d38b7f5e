# nginx serves both names with the shared certificate and answers the challenges from the webroot.
{ ... }:
{
  services.nginx = {
    enable = true;
    virtualHosts."example.org" = {
      serverAliases = [ "www.example.org" ];
      forceSSL = true;
      useACMEHost = "example.org";
      acmeRoot = "/var/lib/acme/acme-challenge";
    };
    virtualHosts."blog.example.org" = {
      forceSSL = true;
      useACMEHost = "example.org";
      acmeRoot = "/var/lib/acme/acme-challenge";
      locations."/".root = "/srv/blog";
    };
  };
}
