# One certificate shared by two virtual hosts, validated over HTTP-01 through nginx.
{ ... }:
{
  security.acme.certs."example.org" = {
    extraDomainNames = [ "www.example.org" "blog.example.org" ];
    webroot = "/var/lib/acme/acme-challenge";
    group = "nginx";
  };
}
