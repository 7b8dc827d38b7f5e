# Web server c of the pool: the shared certificates (fleet.nix) and one of its own, which only
# this host orders (and still keeps in the cluster, so a replacement host finds it).
{ ... }:
{
  imports = [ ./fleet.nix ];
  security.acme.certs."c.example.test" = { };
}
