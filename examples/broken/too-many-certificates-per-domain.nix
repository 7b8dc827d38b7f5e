# 51 Let's Encrypt certificates under example.org: the CA issues at most 50 new certificates per
# registered domain every 7 days, so the first deployment cannot get them all. The staging
# certificate and the one under example.co.uk (a different registered domain) do not count.
{ config, pkgs, lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    defaults.listenHTTP = ":80";
    certs = builtins.listToAttrs (builtins.genList (i: { # MISTAKE: 51 certificates for one registered domain
      name = "site${toString i}.example.org";
      value = { };
    }) 51) // {
      "test.example.org".server = "https://acme-staging-v02.api.letsencrypt.org/directory";
      "shop.example.co.uk" = { };
    };
  };
  networking.firewall.allowedTCPPorts = [ 80 ];
}
